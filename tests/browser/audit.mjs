// Building a site and auditing its pages in Chromium with axe-core and the Nu HTML Checker.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { binary, repo } from "./support.mjs";

const require = createRequire(import.meta.url);
const axeSource = require.resolve("axe-core/axe.min.js");
const vnu = require("vnu-jar");

/** The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
export const RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** Builds the site under `root` into a new folder and returns that folder. */
export function build(root) {
  const output = mkdtempSync(join(tmpdir(), "careersite-audit-"));
  execFileSync(binary(), ["build", "--quiet", "--force", "--root", root, "--output", output], {
    env: { ...process.env, SOURCE_DATE_EPOCH: "1795435200" },
  });
  return output;
}

/** Every HTML page under `folder`, as paths relative to it, in a stable order. */
export function htmlPages(folder) {
  const pages = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".html")) pages.push(relative(folder, path));
    }
  };
  walk(folder);
  return pages;
}

export function fileUrl(folder, page) {
  return pathToFileURL(join(folder, page)).href;
}

const TYPES = { html: "text/html; charset=utf-8", css: "text/css", svg: "image/svg+xml", js: "text/javascript", pdf: "application/pdf", jpg: "image/jpeg", png: "image/png", webp: "image/webp" };

/**
 * Serves `folder` over HTTP under `prefix` (such as `/careers/`), as a static host would:
 * index.html for folders, 404.html for anything missing. Resolves to the base address.
 */
export function serveFolder(folder, prefix) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    let file = path.startsWith(prefix) && !path.includes("..") ? join(folder, path.slice(prefix.length)) : null;
    if (file && (path.endsWith("/") || (existsSync(file) && statSync(file).isDirectory()))) file = join(file, "index.html");
    const found = file && existsSync(file) && statSync(file).isFile();
    const served = found ? file : join(folder, "404.html");
    const type = TYPES[served.split(".").pop()] ?? "application/octet-stream";
    response.writeHead(found ? 200 : 404, { "Content-Type": type });
    response.end(readFileSync(served));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ base: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => server.close() }));
  });
}

/** axe-core's violations on the page open in `page`. */
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol: the pages' Content Security Policy rightly refuses
  // an inline <script>, which is what addScriptTag would add.
  await page.evaluate(readFileSync(axeSource, "utf8"));
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  }, RULE_TAGS);
}

/** The Nu HTML Checker's errors for every HTML file under `folders`. */
export function validatorErrors(...folders) {
  // vnu writes its JSON report to standard error.
  const run = spawnSync("java", ["-jar", vnu, "--format", "json", "--skip-non-html", "--exit-zero-always", ...folders], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  const report = JSON.parse(run.stderr);
  return report.messages.filter((m) => m.type === "error" || m.type === "non-document-error");
}

export { repo };

/** The bundled examples, each served from the sub-folder its site.yaml publishes it at. */
const EXAMPLES = [
  { name: "secondary", root: repo, prefix: "/careers/" },
  { name: "primary", root: join(repo, "examples", "primary"), prefix: "/" },
  { name: "plans", root: join(repo, "examples", "plans"), prefix: "/careers/" },
];

/**
 * Builds the bundled examples named in `names` (all of them unless given) and serves each over
 * HTTP, as a school's host would. Resolves to one site per example: its `name`, built `output`
 * folder, `server` (`base`, `close()`) and its HTML `pages`.
 */
export async function serveExamples(names = EXAMPLES.map((example) => example.name)) {
  const sites = [];
  for (const example of EXAMPLES.filter((example) => names.includes(example.name))) {
    const output = build(example.root);
    const server = await serveFolder(output, example.prefix);
    sites.push({ ...example, output, server, pages: htmlPages(output) });
  }
  return sites;
}
