// `careersite serve` in a real browser: a careers leader's saves appear without touching it.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, afterEach, before, test } from "node:test";
import { exampleSite, launch, removeSite, repo, serve } from "./support.mjs";

let root, server, browser, page;

before(async () => {
  root = exampleSite();
  // A school stylesheet, so that a CSS-only save can be tested.
  mkdirSync(join(root, "themes", "default", "static"), { recursive: true });
  writeFileSync(
    join(root, "themes", "default", "static", "style.css"),
    readFileSync(join(repo, "themes", "default", "static", "style.css")),
  );
  server = await serve(root);
  browser = await launch();
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  server?.stop();
  removeSite(root);
});

const pagePath = () => join(root, "content", "pupils", "work-experience.md");
const ORIGINAL = "Every Year 10 pupil spends";

/** The page's Markdown with its sentence about Year 10 changed to `sentence`. */
const withSentence = (sentence) => readFileSync(pagePath(), "utf8").replace(ORIGINAL, sentence);

// Each test starts from the example as it is: a page a test changed is put back, and the next
// test waits until the preview serves it again, so that no rebuild of one test lands in another.
let original;
before(() => { original = readFileSync(pagePath(), "utf8"); });
afterEach(async () => {
  if (readFileSync(pagePath(), "utf8") === original) { return; }
  writeFileSync(pagePath(), original);
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const served = await fetch(`${server.url}pupils/work-experience/`).then((r) => r.text());
    if (served.includes(`${ORIGINAL} a week`)) { return; }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("the preview did not serve the page as it was");
});

test("a saved edit appears in the open page by itself, without a reload", async () => {
  await page.goto(`${server.url}pupils/work-experience/`);
  await page.evaluate(() => { window.notReloaded = true; });
  const markdown = readFileSync(pagePath(), "utf8");
  writeFileSync(
    pagePath(),
    markdown
      .replace("title: Work experience in Year 10", "title: Work experience in Years 10 and 12")
      .replace(ORIGINAL, "Every Year 10 pupil now spends"),
  );
  await page.getByText("Every Year 10 pupil now spends").waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => window.notReloaded), true);
  assert.equal(await page.title(), "Work experience in Years 10 and 12 – Careers – Riverside Academy");
});

test("a page whose file is removed is reloaded, and shows the page-not-found page", async () => {
  const news = join(root, "content", "news", "new-careers-leader.md");
  const markdown = readFileSync(news, "utf8");
  await page.goto(`${server.url}news/new-careers-leader/`);
  rmSync(news);
  try {
    await page.getByText("Sorry, there is no page at this address").waitFor({ timeout: 5000 });
  } finally {
    writeFileSync(news, markdown);
  }
  await page.getByText("Sorry, there is no page at this address").waitFor({ state: "detached", timeout: 5000 });
});

test("a page with a script the school allows is reloaded, so that the script runs again", async () => {
  const config = join(root, "content", "site.yaml");
  const settings = readFileSync(config, "utf8");
  const parents = join(root, "content", "parents", "helping-your-child.md");
  const markdown = readFileSync(parents, "utf8");
  writeFileSync(config, `${settings}\nallow_scripts: true\n`);
  writeFileSync(parents, `${markdown}\n<script>document.title += " (script ran)";</script>\n`);
  try {
    await page.goto(`${server.url}parents/helping-your-child/`);
    await page.waitForFunction(() => document.title.endsWith("(script ran)"), null, { timeout: 5000 });
    await page.evaluate(() => { window.notReloaded = true; });
    writeFileSync(parents, `${markdown}\nA new line.\n\n<script>document.title += " (script ran)";</script>\n`);
    await page.getByText("A new line.").waitFor({ timeout: 5000 });
    await page.waitForFunction(() => document.title.endsWith("(script ran)"), null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.notReloaded), undefined);
  } finally {
    writeFileSync(config, settings);
    writeFileSync(parents, markdown);
  }
});

test("keyboard focus stays where it was when the page is updated", async () => {
  await page.goto(`${server.url}pupils/work-experience/`);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter"); // the skip link, to the main content
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");
  writeFileSync(pagePath(), withSentence("Every Year 10 pupil really spends"));
  await page.getByText("Every Year 10 pupil really spends").waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");
});

test("the page keeps its scroll position when it is updated", async () => {
  await page.setViewportSize({ width: 400, height: 300 });
  await page.goto(`${server.url}pupils/work-experience/`);
  await page.evaluate(() => window.scrollTo(0, 500));
  const before = await page.evaluate(() => window.scrollY);
  assert.ok(before > 0);
  writeFileSync(pagePath(), withSentence("Every Year 10 pupil still spends"));
  await page.getByText("Every Year 10 pupil still spends").waitFor({ timeout: 5000 });
  await page.waitForFunction((y) => window.scrollY === y, before, { timeout: 2000 });
  await page.setViewportSize({ width: 1280, height: 800 });
});

test("broken YAML shows the problem over the page, and fixing it clears it", async () => {
  await page.goto(`${server.url}careers-programme/`);
  const programme = join(root, "content", "programme.yaml");
  const good = readFileSync(programme, "utf8");
  writeFileSync(programme, good.replace("summary: |", "summary: [oops"));
  const overlay = page.locator("#careersite-problem");
  await overlay.waitFor({ timeout: 5000 });
  assert.match(await overlay.innerText(), /content\/programme\.yaml:\d+:\d+/);
  assert.equal(await overlay.getAttribute("role"), "alert");
  assert.match(await page.locator("h1").innerText(), /Our careers programme/, "the last good page stays");

  writeFileSync(programme, good.replace("Our careers programme helps", "Our revised programme helps"));
  await page.getByText("Our revised programme helps").waitFor({ timeout: 5000 });
  assert.equal(await overlay.count(), 0);
});

test("a pupil opening a page while the content is broken sees the problem too", async () => {
  const programme = join(root, "content", "programme.yaml");
  const good = readFileSync(programme, "utf8");
  writeFileSync(programme, "years: [\n");
  const second = await browser.newPage();
  try {
    await page.locator("#careersite-problem").waitFor({ timeout: 5000 });
    await second.goto(`${server.url}`);
    await second.locator("#careersite-problem").waitFor({ timeout: 5000 });
  } finally {
    writeFileSync(programme, good);
    await second.close();
  }
  await page.locator("#careersite-problem").waitFor({ state: "detached", timeout: 5000 });
});

test("a stylesheet change is swapped in without reloading the page", async () => {
  await page.goto(`${server.url}`);
  await page.evaluate(() => { window.notReloaded = true; });
  const css = join(root, "themes", "default", "static", "style.css");
  writeFileSync(css, readFileSync(css, "utf8") + "\nh1 { letter-spacing: 7px; }\n");
  await page.waitForFunction(
    () => getComputedStyle(document.querySelector("h1")).letterSpacing === "7px",
    null,
    { timeout: 5000 },
  );
  assert.equal(await page.evaluate(() => window.notReloaded), true);
});

test("a tab out of sight lets go of the server, and catches up when it comes back", async () => {
  await page.goto(`${server.url}pupils/work-experience/`);
  const setHidden = (hidden) =>
    page.evaluate((value) => {
      Object.defineProperty(document, "hidden", { value, configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    }, hidden);
  await setHidden(true);
  await page.evaluate(() => { window.notReloaded = true; });
  writeFileSync(pagePath(), withSentence("Every Year 10 pupil spends away"));
  // While hidden, nothing reaches the page: give the rebuild time to happen unseen.
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(await page.evaluate(() => window.notReloaded), true);
  await setHidden(false);
  await page.getByText("Every Year 10 pupil spends away").waitFor({ timeout: 5000 });
});

test("a page left open while the preview restarts catches up with the new server", async () => {
  await page.goto(`${server.url}pupils/work-experience/`);
  await server.stop();
  // Saved while no server was running: only a page that reloads can show it.
  writeFileSync(pagePath(), withSentence("Every Year 10 pupil spends a fortnight"));
  server = await serve(root, { port: new URL(server.url).port });
  await page.getByText("Every Year 10 pupil spends a fortnight").waitFor({ timeout: 5000 });
});

test("an open compliance checklist shows a link a save has just broken", async () => {
  const checklist = await browser.newPage();
  await checklist.goto(`${server.url}compliance/`);
  try {
    writeFileSync(pagePath(), withSentence(`${ORIGINAL} ([the form](old-form.md))`));
    await checklist.getByText("old-form.md").first().waitFor({ timeout: 5000 });
  } finally {
    await checklist.close();
  }
});
