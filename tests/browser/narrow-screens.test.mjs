// Every page of the bundled examples on a phone, at 320 and 375 CSS pixels: nothing in the main
// content reaches past the screen's right edge or is cut off by a box that hides or scrolls its
// overflow (so at 375 px a wide table must stack rather than scroll); and charts keep their text
// readable (14 px or more, as drawn) and show every figure of their table, whole.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { serveExamples } from "./audit.mjs";
import { launch } from "./support.mjs";

const WIDTHS = [320, 375];
let browser;
const sites = [];

before(async () => {
  sites.push(...(await serveExamples()));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const site of sites) site.server.close();
});

/** Opens every page of every example at `width`. */
async function eachPage(width, visit) {
  const context = await browser.newContext({ viewport: { width, height: 740 } });
  const page = await context.newPage();
  try {
    for (const site of sites) {
      for (const path of site.pages) {
        await page.goto(site.server.base + path);
        await visit(page, `${site.name}: ${path} at ${width} px`);
      }
    }
  } finally {
    await context.close();
  }
}

/**
 * Evaluated in the page: a description of each element in `main` that reaches past the
 * viewport's right edge, or past an ancestor that clips it (overflow other than visible). At
 * `width` below 375 px a table may scroll inside its own box, as WCAG's reflow criterion
 * allows for tables; at 375 px and wider, no table should need to.
 */
function overflowing(width) {
  const describe = (e) => e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : "");
  const overflow = (e) => getComputedStyle(e).overflowX;
  // Text for screen readers only sits in a clipped box a pixel square, by design.
  const screenReaderOnly = (e) => {
    for (let up = e; up; up = up.parentElement) {
      const box = up.getBoundingClientRect();
      if (overflow(up) !== "visible" && box.width <= 1 && box.height <= 1) return true;
    }
    return false;
  };
  const mayScroll = (e) => {
    const table = e.closest("table");
    return width < 375 && table !== null && overflow(table.parentElement) === "auto";
  };
  const found = [];
  // What is inside an element already reported is not reported again.
  const reported = [];
  for (const element of document.querySelectorAll("main *")) {
    if (reported.some((r) => r.contains(element)) || screenReaderOnly(element) || mayScroll(element)) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > document.documentElement.clientWidth + 0.5) {
      found.push(`${describe(element)} ends at ${Math.round(box.right)} px`);
      reported.push(element);
      continue;
    }
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
      if (overflow(up) === "visible") continue;
      const frame = up.getBoundingClientRect();
      if (box.right > frame.right + 0.5 || box.left < frame.left - 0.5) {
        found.push(`${describe(element)} (${Math.round(box.width)} px) is cut off by ${describe(up)} (${Math.round(frame.width)} px)`);
        reported.push(element);
        break;
      }
    }
  }
  return found;
}

for (const width of WIDTHS) {
  test(`nothing in the main content is wider than the screen or cut off, at ${width} px`, async () => {
    const problems = [];
    let pages = 0;
    await eachPage(width, async (page, name) => {
      pages += 1;
      for (const problem of await page.evaluate(overflowing, width)) problems.push(`${name}: ${problem}`);
    });
    assert.ok(pages >= 45, `only ${pages} pages`);
    assert.deepEqual(problems.slice(0, 30), [], `${problems.length} elements too wide`);
  });
}

/**
 * Evaluated in the page: for each chart figure, each piece of text in it with the size it is
 * drawn at (an SVG's own scale included) and whether all of it is visible; the values among
 * them; and the percentages in the table of the same figures that follows it.
 */
function charts() {
  const width = document.documentElement.clientWidth;
  const tables = [...document.querySelectorAll("main table")];
  return [...document.querySelectorAll("main figure")].map((figure) => {
    const texts = [];
    const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      const element = node.parentElement;
      // An SVG's title and description, and hidden text, are never drawn.
      if (!text || element.closest("title, desc, [hidden], .visually-hidden")) continue;
      let size = parseFloat(getComputedStyle(element).fontSize);
      if (element instanceof SVGElement) size *= element.getScreenCTM().a;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      let whole = box.left >= -0.5 && box.right <= width + 0.5;
      for (let up = element.parentElement; up && whole && up !== document.body; up = up.parentElement) {
        // An SVG hides what lies outside its own box; other elements only if they say so.
        if (up.tagName.toLowerCase() !== "svg" && getComputedStyle(up).overflowX === "visible") continue;
        const frame = up.getBoundingClientRect();
        whole = box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5;
      }
      texts.push({ text, size, whole });
    }
    const isValue = (text) => /^\d+%$/.test(text);
    const table = tables.find((t) => figure.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
    return {
      name: figure.querySelector("figcaption, title")?.textContent ?? "a chart",
      texts,
      values: texts.map((t) => t.text).filter(isValue),
      tableValues: [...(table?.querySelectorAll("td") ?? [])].map((td) => td.textContent.trim()).filter(isValue),
    };
  });
}

test("charts at 375 px: text drawn at 14 px or more, and every figure of the table beside each one shown in full", async () => {
  const problems = [];
  let figures = 0;
  await eachPage(375, async (page, name) => {
    for (const chart of await page.evaluate(charts)) {
      figures += 1;
      const where = `${name}, ${chart.name}`;
      for (const { text, size, whole } of chart.texts) {
        if (size < 13.95) problems.push(`${where}: "${text}" is drawn at ${size.toFixed(1)} px`);
        if (!whole) problems.push(`${where}: "${text}" is cut off`);
      }
      if (chart.values.join(" ") !== chart.tableValues.join(" ")) {
        problems.push(`${where}: the chart shows [${chart.values.join(" ")}], its table [${chart.tableValues.join(" ")}]`);
      }
    }
  });
  // The secondary example's Compass results and four years of destinations, and the primary's.
  assert.ok(figures >= 6, `only ${figures} charts found`);
  assert.deepEqual(problems.slice(0, 30), [], `${problems.length} problems`);
});
