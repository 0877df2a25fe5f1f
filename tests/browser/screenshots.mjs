// Screenshots of the built example school in Chromium, on a phone and on a desktop.
//
//   node tests/browser/screenshots.mjs                 the README's pictures, in docs/screenshots/
//   node tests/browser/screenshots.mjs --out DIR --full [page ...]
//                                                      whole pages, for reviewing a change
//
// Pages are named by their address under the site, such as `parents/`; the README's are the
// home page and the parents' hub. Builds with the debug binary unless CAREERSITE_BIN is set.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { build, serveFolder } from "./audit.mjs";
import { launch, repo } from "./support.mjs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: "string", default: join(repo, "docs", "screenshots") },
    full: { type: "boolean", default: false },
    root: { type: "string", default: repo },
    prefix: { type: "string", default: "/careers/" },
  },
});
const pages = positionals.length ? positionals : ["", "parents/"];
const widths = [
  { name: "phone", width: 375, height: 667 },
  { name: "desktop", width: 1280, height: 800 },
];

const output = build(values.root);
const server = await serveFolder(output, values.prefix);
const browser = await launch();
mkdirSync(values.out, { recursive: true });
try {
  for (const { name, width, height } of widths) {
    const page = await browser.newPage({ viewport: { width, height } });
    for (const path of pages) {
      await page.goto(server.base + path);
      const file = join(values.out, `${path.replace(/\/$/, "").replaceAll("/", "-") || "home"}-${name}.png`);
      await page.screenshot({ path: file, fullPage: values.full });
      console.log(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
