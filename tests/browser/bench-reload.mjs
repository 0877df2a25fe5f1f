// Save-to-reloaded latency of `careersite serve`: how long from writing a Markdown file until
// the open page in Chromium has reloaded and painted the new text (its first contentful paint),
// and until the new page's DOM was ready (DOMContentLoaded). Both ends are read on the same
// clock (performance.timeOrigin + now()), so the polling that waits for the new text does not
// count. Not a test: a measurement, run by hand.
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
for (let i = 0; i < saves; i++) {
  const marker = `Latency marker ${i} ${Date.now()}`;
  const started = performance.timeOrigin + performance.now();
  writeFileSync(file, `${original}\n${marker}\n`);
  await page.getByText(marker).waitFor({ timeout: 10000 });
  const times = await page.evaluate(async () => {
    const paint = () => performance.getEntriesByName("first-contentful-paint")[0];
    while (!paint()) await new Promise((r) => requestAnimationFrame(r));
    const navigation = performance.getEntriesByType("navigation")[0];
    return {
      painted: performance.timeOrigin + paint().startTime,
      ready: performance.timeOrigin + navigation.domContentLoadedEventEnd,
    };
  });
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
console.log(`${site}, ${saves} saves`);
console.log(`  save to reloaded page painted: ${summary(painted)}`);
console.log(`  save to reloaded page's DOM ready: ${summary(ready)}`);
