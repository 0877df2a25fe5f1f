// A test of the tests: a page with an image without alt text, a colour with too little contrast
// and invalid HTML must be caught by the same checks the accessibility suite runs.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { axeViolations, build, repo, serveFolder, validatorErrors } from "./audit.mjs";
import { launch } from "./support.mjs";

let root, output, server, browser;

before(async () => {
  root = mkdtempSync(join(tmpdir(), "careersite-faults-"));
  mkdirSync(join(root, "content", "images"), { recursive: true });
  mkdirSync(join(root, "themes", "default", "static"), { recursive: true });
  writeFileSync(join(root, "content", "images", "fair.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  writeFileSync(
    join(root, "content", "faulty.md"),
    '# A faulty page\n\n<img src="../images/fair.svg">\n\n<p class="faint">Hard to read.</p>\n\n<div><span></div>\n',
  );
  const css = readFileSync(join(repo, "themes", "default", "static", "style.css"), "utf8");
  writeFileSync(join(root, "themes", "default", "static", "style.css"), `${css}\n.faint { color: #c8c8c8; }\n`);
  output = build(root);
  server = await serveFolder(output, "/");
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(root, { recursive: true, force: true });
});

test("axe-core catches the image without alt text and the low-contrast colour", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.base}faulty/index.html`);
  const rules = (await axeViolations(page)).map((v) => v.id);
  assert.ok(rules.includes("image-alt"), `image-alt not caught: ${rules}`);
  assert.ok(rules.includes("color-contrast"), `color-contrast not caught: ${rules}`);
  await page.close();
});

test("the Nu HTML Checker catches the invalid HTML", () => {
  const errors = validatorErrors(output).filter((e) => e.url.includes("faulty"));
  assert.ok(errors.length > 0, "no validator error for an unclosed element");
});
