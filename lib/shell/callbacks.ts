/**
 * A set of callbacks that is most often one, for the waits a call adds and
 * removes on every run (Ctrl-C's, a close's).
 *
 * @module
 */

/**
 * Callbacks in the order they were added, each at most once. One is held in
 * a field; a `Set` is made only when a second comes. V8 shrinks a `Set` that
 * empties and grows it again at the next add: a wait that added and removed
 * its one callback paid for both, on every call of a loop.
 *
 * @example
 * ```ts
 * const c = new Callbacks();
 * const hi = () => console.log("hi");
 * c.add(hi);
 * c.call(); // hi
 * c.delete(hi);
 * c.call(); // nothing
 * ```
 */
export class Callbacks {
  // Never both in use: the one moves into the set when a second comes.
  #one?: () => void;
  #more?: Set<() => void>;

  /** Add `f`, after those already here (again: no change). */
  add(f: () => void): void {
    const more = this.#more;
    if (more && more.size > 0) {
      more.add(f);
    } else if (this.#one === undefined || this.#one === f) {
      this.#one = f;
    } else {
      const set = more ?? (this.#more = new Set());
      set.add(this.#one);
      set.add(f);
      this.#one = undefined;
    }
  }

  /** Remove `f`, if it is here. */
  delete(f: () => void): void {
    if (this.#one === f) this.#one = undefined;
    else this.#more?.delete(f);
  }

  /** How many there are. */
  get size(): number {
    return this.#one ? 1 : this.#more?.size ?? 0;
  }

  /** Call each, in order; those added meanwhile wait for the next call. */
  call(): void {
    const one = this.#one;
    if (one) one();
    else if (this.#more?.size) { for (const f of [...this.#more]) f(); }
  }
}
