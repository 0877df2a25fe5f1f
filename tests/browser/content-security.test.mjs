// The Content Security Policy on every page is one the pages themselves keep: no page of either
// example breaks it, served over HTTP or opened from disk, and the stylesheet and images still
// load. A page that does try to run an inline script is stopped by the browser.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { build, fileUrl, htmlPages, repo, serveFolder } from "./audit.mjs";
import { launch } from "./support.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens `address` and returns the policy violations it caused and whether it is styled. */
async function visit(page, address) {
  await page.goto(address);
  return page.evaluate(async () => {
    // Violations are reported as events; give any late ones (images) a moment to arrive.
    await new Promise((r) => setTimeout(r, 50));
    const skip = document.querySelector(".skip-link");
    return {
      violations: window.__violations,
      styled: skip ? getComputedStyle(skip).position === "absolute" : false,
      brokenImages: [...document.images].filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src),
    };
  });
}

async function newPage() {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return page;
}

for (const example of [
  { name: "secondary", root: repo, prefix: "/careers/" },
  { name: "primary", root: join(repo, "examples", "primary"), prefix: "/" },
]) {
  test(`no page of the ${example.name} example breaks its own policy, over HTTP or from disk`, async () => {
    const output = build(example.root);
    const server = await serveFolder(output, example.prefix);
    const page = await newPage();
    try {
      for (const path of htmlPages(output)) {
        // 404.html links from the public path, as it is served at any depth: not from disk.
        const addresses = path === "404.html" ? [server.base + path] : [server.base + path, fileUrl(output, path)];
        for (const address of addresses) {
          const seen = await visit(page, address);
          assert.deepEqual(seen.violations, [], address);
          assert.ok(seen.styled, `${address} lost its stylesheet`);
          assert.deepEqual(seen.brokenImages, [], address);
        }
      }
    } finally {
      await page.close();
      server.close();
    }
  });
}

test("an inline script that reached a page would not run", async () => {
  const output = build(repo);
  // As if a sanitiser had missed it: written into a built page by hand.
  const file = join(output, "index.html");
  writeFileSync(file, readFileSync(file, "utf8").replace("</main>", "<script>document.title = 'ran'</script></main>"));
  const page = await newPage();
  try {
    const seen = await visit(page, fileUrl(output, "index.html"));
    assert.notEqual(await page.title(), "ran");
    assert.ok(seen.violations.some((v) => v.startsWith("script-src")), JSON.stringify(seen.violations));
  } finally {
    await page.close();
  }
});
