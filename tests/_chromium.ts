/**
 * Render an SVG in headless Chromium (from apt) and report what it drew:
 * every text's box as the browser laid it out, every arrow, and the pixels
 * of the rasterised image along each arrow and lifeline.
 *
 * @module
 */

import { missing } from "./_peers.ts";

/** A box as getBBox() gives it. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What Chromium measured of one SVG. */
export interface Rendered {
  /** The SVG's viewBox. */
  view: Box;
  /** Every <text>: its content, class, box and computed length. */
  texts: { text: string; cls: string; box: Box; length: number }[];
  /** Every arrow: its ends, and how many of the pixels along it are not background. */
  arrows: { x1: number; x2: number; y: number; inked: number; total: number }[];
  /** Every lifeline: how many of the pixels down its middle are not white. */
  lifelines: { x: number; inked: number; total: number }[];
  /** The font Chromium used for the first text. */
  font: string;
}

/** True when chromium is not installed and this is not CI: the tests that need it are ignored, saying why. */
export function noChromium(): boolean {
  return missing("chromium");
}

// Runs in the page: measure the inline SVG, then draw it on a canvas and read the pixels.
const PROBE = `
(async () => {
  const out = document.getElementById("out");
  try {
    const svg = document.querySelector("svg");
    const vb = svg.viewBox.baseVal;
    const texts = [...svg.querySelectorAll("text")].map((t) => {
      const b = t.getBBox();
      return { text: t.textContent, cls: t.getAttribute("class") || "",
        box: { x: b.x, y: b.y, width: b.width, height: b.height },
        length: t.getComputedTextLength() };
    });
    const img = new Image();
    img.src = "data:image/svg+xml;base64," + btoa(unescape(encodeURIComponent(svg.outerHTML)));
    await img.decode();
    const c = document.createElement("canvas");
    c.width = vb.width; c.height = vb.height;
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    // "Inked": clearly darker than the white page and the pale row stripes.
    const ink = (x, y) => {
      const i = (Math.round(y) * c.width + Math.round(x)) * 4;
      return px[i] + px[i + 1] + px[i + 2] < 600;
    };
    const arrows = [...svg.querySelectorAll("line.arrow")].map((l) => {
      const x1 = +l.getAttribute("x1"), x2 = +l.getAttribute("x2"), y = +l.getAttribute("y1");
      let inked = 0, total = 0;
      for (let x = Math.min(x1, x2) + 2; x < Math.max(x1, x2) - 2; x++) {
        total++;
        if (ink(x, y)) inked++;
      }
      return { x1, x2, y, inked, total };
    });
    const lifelines = [...svg.querySelectorAll("line.lifeline")].map((l) => {
      const x = +l.getAttribute("x1"), y1 = +l.getAttribute("y1"), y2 = +l.getAttribute("y2");
      let inked = 0, total = 0;
      for (let y = y1; y < y2; y++) {
        total++;
        if (ink(x, y)) inked++;
      }
      return { x, inked, total };
    });
    const first = svg.querySelector("text");
    out.textContent = JSON.stringify({
      view: { x: vb.x, y: vb.y, width: vb.width, height: vb.height },
      texts, arrows, lifelines,
      font: first ? getComputedStyle(first).fontFamily : "",
    });
  } catch (e) {
    out.textContent = JSON.stringify({ error: String(e) });
  }
})();
`;

/**
 * Render `svg` in headless Chromium and return what it measured (bounded: 60 s).
 *
 * @example
 * ```ts ignore
 * const r = await renderSvg(await Deno.readTextFile("session.svg"));
 * ```
 */
export async function renderSvg(svg: string): Promise<Rendered> {
  const dir = await Deno.makeTempDir({ prefix: "sockshell-chromium-" });
  try {
    const page = `${dir}/page.html`;
    await Deno.writeTextFile(
      page,
      `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${svg}<pre id="out">pending</pre><script>${PROBE}</script></body></html>`,
    );
    const cmd = new Deno.Command("chromium", {
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        `--user-data-dir=${dir}/profile`,
        // Lets the page's promises (image decoding) settle before the DOM is dumped.
        "--virtual-time-budget=10000",
        "--dump-dom",
        `file://${page}`,
      ],
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(60_000),
    });
    const { stdout, stderr, success } = await cmd.output();
    const dom = new TextDecoder().decode(stdout);
    const m = /<pre id="out">([^<]*)<\/pre>/.exec(dom);
    if (!success || !m || m[1] === "pending") {
      throw new Error(
        `chromium did not render the page: ${
          new TextDecoder().decode(stderr).slice(-2000)
        }`,
      );
    }
    const json = m[1]!.replace(/&quot;/g, '"').replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    const r = JSON.parse(json);
    if (r.error) throw new Error(`the page failed: ${r.error}`);
    return r as Rendered;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Take a screenshot of `file` (an SVG or HTML page) into `png`, bounded to 60 s. */
export async function screenshot(
  file: string,
  png: string,
  size = "1200,900",
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "sockshell-chromium-" });
  try {
    const { success, stderr } = await new Deno.Command("chromium", {
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        `--user-data-dir=${dir}`,
        `--window-size=${size}`,
        `--screenshot=${png}`,
        `file://${file}`,
      ],
      stdout: "null",
      stderr: "piped",
      signal: AbortSignal.timeout(60_000),
    }).output();
    if (!success) {
      throw new Error(
        `chromium --screenshot failed: ${new TextDecoder().decode(stderr)}`,
      );
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** True when two boxes overlap by more than `slack` pixels each way. */
export function overlaps(a: Box, b: Box, slack = 0.5): boolean {
  return a.x + slack < b.x + b.width && b.x + slack < a.x + a.width &&
    a.y + slack < b.y + b.height && b.y + slack < a.y + a.height;
}
