// Every page careersite generates, for each bundled example, proven accessible and valid in a
// real browser: axe-core (WCAG 2.0, 2.1 and 2.2 A and AA, and best practices) in the light and
// the dark scheme, the Nu HTML Checker, reflow at 320 px and at 200% text, keyboard use, and
// pages without JavaScript. The year-by-year programme and the action plan must print. Each site
// is served over HTTP from its public sub-folder, as a school's host would serve it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { axeViolations, serveExamples, validatorErrors } from "./audit.mjs";
import { launch } from "./support.mjs";

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

/** Opens every page of every example in turn, with `options` for the browser context. */
async function eachPage(options, visit) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  try {
    for (const site of sites) {
      for (const path of site.pages) {
        await page.goto(site.server.base + path);
        await visit(page, `${site.name}: ${path}`);
      }
    }
  } finally {
    await context.close();
  }
}

for (const scheme of ["light", "dark"]) {
  test(`axe-core finds no violation on any page, ${scheme} scheme`, async () => {
    const byRule = new Map();
    let pages = 0;
    await eachPage({ colorScheme: scheme }, async (page, name) => {
      pages += 1;
      for (const violation of await axeViolations(page)) {
        const entry = byRule.get(violation.id) ?? { count: 0, where: [] };
        entry.count += violation.targets.length;
        entry.where.push(`${name} ${violation.targets.join(", ")}`);
        byRule.set(violation.id, entry);
      }
    });
    const report = [...byRule].map(([rule, { count, where }]) => `${rule}: ${count} (${where.slice(0, 3).join("; ")})`);
    console.log(`axe-core, ${scheme} scheme: ${pages} pages checked, ${byRule.size} rules violated${report.length ? ":\n  " + report.join("\n  ") : ""}`);
    assert.ok(pages >= 45, `only ${pages} pages`);
    assert.deepEqual(report, []);
  });
}

test("the Nu HTML Checker finds no error on any page", () => {
  const errors = validatorErrors(...sites.map((s) => s.output));
  const pages = sites.reduce((n, s) => n + s.pages.length, 0);
  console.log(`Nu HTML Checker: ${pages} pages checked, ${errors.length} errors`);
  assert.deepEqual(errors.map((e) => `${e.url}:${e.lastLine}: ${e.message}`), []);
});

test("every page reflows at 320 CSS pixels and at 200% text without scrolling sideways", async () => {
  const overflowing = [];
  await eachPage({ viewport: { width: 320, height: 640 } }, async (page, name) => {
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    if (wide > 320) overflowing.push(`${name} at 320 px: ${wide} px wide`);
  });
  await eachPage({ viewport: { width: 1280, height: 800 } }, async (page, name) => {
    const wide = await page.evaluate(() => {
      document.documentElement.style.fontSize = "200%";
      return document.documentElement.scrollWidth;
    });
    if (wide > 1280) overflowing.push(`${name} at 200% text: ${wide} px wide`);
  });
  assert.deepEqual(overflowing, []);
});

test("the first Tab lands on the skip link, and every link is reached with a visible focus", async () => {
  const problems = [];
  let links = 0;
  await eachPage({}, async (page, name) => {
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => document.activeElement?.className);
    if (first !== "skip-link") problems.push(`${name}: the first Tab lands on "${first}"`);
    const expected = await page.evaluate(() =>
      [...document.querySelectorAll("a[href], [tabindex='0'], summary")].filter(
        (e) => (e.getClientRects().length > 0 || e.classList.contains("skip-link")) && !e.parentElement.closest("details:not([open])"),
      ).length,
    );
    const reached = new Set();
    for (let i = 0; i < expected + 5; i++) {
      const focus = await page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const style = getComputedStyle(e);
        const visible = style.boxShadow !== "none" || (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== "rgba(0, 0, 0, 0)");
        if (!e.dataset.auditId) e.dataset.auditId = String(Math.random());
        return { id: e.dataset.auditId, visible, what: e.outerHTML.slice(0, 80) };
      });
      if (focus) {
        reached.add(focus.id);
        if (!focus.visible) problems.push(`${name}: no visible focus on ${focus.what}`);
      }
      await page.keyboard.press("Tab");
    }
    links += expected;
    if (reached.size < expected) problems.push(`${name}: ${reached.size} of ${expected} focusable elements reached by Tab`);
  });
  console.log(`keyboard: ${links} links and controls reached by Tab`);
  assert.deepEqual(problems.slice(0, 20), []);
});

test("every page has the same main content without JavaScript", async () => {
  const withScript = new Map();
  await eachPage({ javaScriptEnabled: true }, async (page, name) => {
    withScript.set(name, await page.locator("main").innerText());
  });
  const differing = [];
  await eachPage({ javaScriptEnabled: false }, async (page, name) => {
    if ((await page.locator("main").innerText()) !== withScript.get(name)) differing.push(name);
  });
  assert.deepEqual(differing, []);
});

test("the year-by-year programme and the action plan print without being cut off", async () => {
  const site = sites[0];
  const page = await browser.newPage();
  try {
    await page.emulateMedia({ media: "print" });
    for (const path of ["careers-programme/year-by-year/index.html", "careers-programme/action-plan/index.html"]) {
      await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
      await page.goto(site.server.base + path);
      const cut = await page.evaluate(() =>
        [...document.querySelectorAll("main *")]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((e) => e.tagName + "." + e.className),
      );
      assert.deepEqual(cut, [], `${path} is cut off in print`);
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".site-header nav")).display), "none");
      const pdf = await page.pdf({ format: "A4" });
      assert.ok(pdf.length > 10000, `${path} printed to a ${pdf.length}-byte PDF`);
    }
  } finally {
    await page.close();
  }
});
