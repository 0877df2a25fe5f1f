// A parent on a phone opens a page with a photo straight from a phone (4,000 pixels wide): the
// browser fetches a version a tenth of the photo's size or less, fetches the photo further down
// only once it is scrolled to, and the page does not jump as the photos arrive.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { build, serveFolder } from "./audit.mjs";
import { exampleSite, launch, removeSite, repo } from "./support.mjs";

const PHOTO = join(repo, "tests", "fixtures", "images", "phone-photo.jpg");
const PAGE = "news/photos/";
let browser;
let server;
let root;

before(async () => {
  root = exampleSite();
  mkdirSync(join(root, "content", "images"), { recursive: true });
  // The same photo twice, under two names: one at the top of the page, one far below it.
  copyFileSync(PHOTO, join(root, "content", "images", "top.jpg"));
  copyFileSync(PHOTO, join(root, "content", "images", "below.jpg"));
  const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of what happened at the fair, long enough to fill a line or two on a phone.`);
  writeFileSync(
    join(root, "content", "news", "photos.md"),
    `---\ntitle: Photos from the fair\n---\n\n![Pupils at the stands](../images/top.jpg)\n\n${paragraphs.join("\n\n")}\n\n![The hall at the end of the day](../images/below.jpg)\n`,
  );
  server = await serveFolder(build(root), "/");
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (root) removeSite(root);
});

test("a phone fetches a tenth of a phone photo's bytes or less, and the page never jumps", async () => {
  const original = statSync(PHOTO).size;
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const pictures = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() === "image" && !response.url().endsWith(".svg")) {
      pictures.push({ url: response.url(), bytes: (await response.body()).length });
    }
  });
  await page.addInitScript(() => {
    window.shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(server.base + PAGE, { waitUntil: "networkidle" });

  assert.equal(pictures.length, 1, `only the photo on the first screen is fetched: ${JSON.stringify(pictures)}`);
  assert.match(pictures[0].url, /\/cached\/[0-9a-f]{10}\/top-480\.jpg$/);
  assert.ok(pictures[0].bytes * 10 < original, `${pictures[0].bytes} bytes of a ${original}-byte photo`);

  await page.locator("img[alt='The hall at the end of the day']").scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
  await page.waitForLoadState("networkidle");
  assert.equal(pictures.length, 2, JSON.stringify(pictures));
  assert.match(pictures[1].url, /below-480\.jpg$/);
  const fetched = pictures.reduce((sum, picture) => sum + picture.bytes, 0);
  assert.ok(fetched * 10 < 2 * original, `${fetched} bytes fetched for two ${original}-byte photos`);

  const shown = await page.evaluate(() =>
    [...document.querySelectorAll("main img")].map((image) => ({ width: image.clientWidth, height: image.clientHeight })),
  );
  for (const { width, height } of shown) {
    assert.ok(width <= 375 - 32 && Math.abs(height - (width * 3) / 4) <= 1, `shown ${width} by ${height}`);
  }
  assert.equal(await page.evaluate(() => window.shifts), 0, "the layout shifted as the photos arrived");
  await context.close();
});
