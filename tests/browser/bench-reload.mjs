// Save-to-updated latency of `careersite serve`: how long from writing a Markdown file until
// the open page in Chromium shows the new text, painted, and until the new text was in the page.
// The page usually swaps in its new content; when it reloads instead, the new page's first
// contentful paint and DOMContentLoaded are used. Both ends are read on the same clock
// (performance.timeOrigin + now()), so the polling that waits for the new text does not count.
// Not a test: a measurement, run by hand.
//
//   cargo build --release
//   node tests/browser/bench-reload.mjs              # the example school
//   node tests/browser/bench-reload.mjs --pages 1000 # a synthetic 1,000-page site
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { exampleSite, launch, repo, serve } from "./support.mjs";
import { syntheticPage, writeSyntheticSite } from "../../benches/synthetic.mjs";

const { values } = parseArgs({
  options: { pages: { type: "string", default: "0" }, saves: { type: "string", default: "25" } },
});
const pages = Number(values.pages);
const saves = Number(values.saves);
process.env.CAREERSITE_BIN ??= join(repo, "target", "release", "careersite");

let root, file, address;
if (pages > 0) {
  root = mkdtempSync(join(tmpdir(), "careersite-bench-"));
  writeSyntheticSite(root, pages);
  const { section, topic, name } = syntheticPage(0);
  file = join(root, "content", section, topic, `${name}.md`);
  address = `${section}/${topic}/${name}/`;
} else {
  root = exampleSite();
  file = join(root, "content", "pupils", "work-experience.md");
  address = "pupils/work-experience/";
}

const server = await serve(root);
const browser = await launch();
const page = await browser.newPage();
await page.goto(server.url + address);
const original = readFileSync(file, "utf8");
const painted = [];
const ready = [];
let swapped = 0;
for (let i = 0; i < saves; i++) {
  const marker = `Latency marker ${i} ${Date.now()}`;
  // The new text is usually swapped into the open page; the observer times that. Should the
  // page be reloaded instead, the observer is gone and the new page's own timings are used.
  await page.evaluate((text) => {
    const observer = new MutationObserver(() => {
      if (!document.body?.textContent.includes(text)) return;
      observer.disconnect();
      window.latencyShown = performance.timeOrigin + performance.now();
      // A task queued from an animation frame runs once that frame has been painted.
      requestAnimationFrame(() => setTimeout(() => {
        window.latencyPainted = performance.timeOrigin + performance.now();
      }));
    });
    observer.observe(document, { childList: true, subtree: true });
  }, marker);
  const started = performance.timeOrigin + performance.now();
  writeFileSync(file, `${original}\n${marker}\n`);
  await page.getByText(marker).waitFor({ timeout: 10000 });
  const times = await page.evaluate(async () => {
    if (window.latencyShown) {
      while (!window.latencyPainted) await new Promise((r) => setTimeout(r, 5));
      return { painted: window.latencyPainted, ready: window.latencyShown, swapped: true };
    }
    const paint = () => performance.getEntriesByName("first-contentful-paint")[0];
    while (!paint()) await new Promise((r) => requestAnimationFrame(r));
    const navigation = performance.getEntriesByType("navigation")[0];
    return {
      painted: performance.timeOrigin + paint().startTime,
      ready: performance.timeOrigin + navigation.domContentLoadedEventEnd,
      swapped: false,
    };
  });
  swapped += times.swapped ? 1 : 0;
  painted.push(times.painted - started);
  ready.push(times.ready - started);
  await new Promise((r) => setTimeout(r, 150));
}
await browser.close();
server.stop();
rmSync(root, { recursive: true, force: true });

const summary = (timings) => {
  timings.sort((a, b) => a - b);
  const at = (q) => timings[Math.min(timings.length - 1, Math.ceil(q * timings.length) - 1)];
  return `median ${at(0.5).toFixed(0)} ms, 95th percentile ${at(0.95).toFixed(0)} ms, ` +
    `fastest ${timings[0].toFixed(0)} ms, slowest ${timings.at(-1).toFixed(0)} ms`;
};
const site = pages > 0 ? `${pages}-page synthetic site` : "example school";
console.log(`${site}, ${saves} saves, ${swapped} swapped into the open page, ${saves - swapped} reloaded`);
console.log(`  save to new text painted: ${summary(painted)}`);
console.log(`  save to new text in the page (DOM ready, for a reload): ${summary(ready)}`);
