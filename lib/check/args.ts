/**
 * How `spawn $program` builds the arguments of the program under test.
 *
 * @module
 */

/**
 * The arguments to start the program under test with: the command line's
 * ARGS first, then the exercise's; where the ARGS hold `{port}`, the port goes
 * there instead of among the exercise's arguments; a program with a fixed
 * port (`--port 4950`) gets no port at all.
 *
 * @example
 * ```ts
 * console.log(programArgs(["-p", "{port}"], ["4321"], "4321")); // ["-p", "4321"]
 * ```
 */
export function programArgs(
  given: string[],
  exercise: string[],
  port: string | undefined,
  fixed = false,
): string[] {
  // A program with its port built in (--port 4950) takes none.
  if (fixed) exercise = exercise.filter((a) => a !== port);
  if (port !== undefined && given.some((a) => a.includes("{port}"))) {
    const rest = exercise.filter((a) => a !== port);
    return [...given.map((a) => a.replaceAll("{port}", port)), ...rest];
  }
  return [...given, ...exercise];
}
