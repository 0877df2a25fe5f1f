// What each reader came to do, done in Chromium on both bundled examples: a parent finds how to
// help their child, a pupil finds their year, an employer finds how to offer help, and anyone
// finds whom to contact, on a phone as on a desktop, and on paper.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { serveExamples } from "./audit.mjs";
import { launch } from "./support.mjs";

const PHONE = { width: 375, height: 667 };
const DESKTOP = { width: 1280, height: 800 };
const HUBS = ["pupils/", "parents/", "staff/", "employers/"];
let browser;
const sites = [];

before(async () => {
  // Not the plans example: its hubs have no guides of their own, since the documents it is
  // modelled on are plans, not pages for pupils or parents.
  sites.push(...(await serveExamples(["secondary", "primary"])));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const site of sites) site.server.close();
});

async function open(viewport, site, path) {
  const page = await browser.newPage({ viewport });
  await page.goto(site.server.base + path);
  return page;
}

/** Each hub's own guides: the links under its "Start here". */
async function hubGuides(site) {
  const page = await open(DESKTOP, site, "");
  const guides = {};
  for (const hub of HUBS) {
    await page.goto(site.server.base + hub);
    guides[hub] = await page.$$eval("#start-here ~ .task-list a", (links) => links.map((a) => a.href));
  }
  await page.close();
  return guides;
}

test("on a phone, the home page's heading and its four audience links are on the first screen", async () => {
  for (const site of sites) {
    const page = await open(PHONE, site, "");
    const bottoms = await page.evaluate(() => ({
      h1: document.querySelector("h1").getBoundingClientRect().bottom,
      audiences: [...document.querySelectorAll(".audience-cards a")].map((a) => [a.textContent, a.getBoundingClientRect().bottom]),
    }));
    console.log(`${site.name} at 375 × 667: h1 ends at ${Math.round(bottoms.h1)} px; audience links end at ${bottoms.audiences.map(([, b]) => Math.round(b)).join(", ")} px`);
    assert.ok(bottoms.h1 <= PHONE.height, `${site.name}: the h1 ends at ${bottoms.h1} px`);
    assert.deepEqual(bottoms.audiences.map(([text]) => text), ["Pupils", "Parents and carers", "Staff", "Employers"]);
    for (const [text, bottom] of bottoms.audiences) assert.ok(bottom <= PHONE.height, `${site.name}: ${text} ends at ${bottom} px`);
    await page.close();
  }
});

test("every hub's own guides are one click from the home page, and come first on the hub", async () => {
  for (const site of sites) {
    const guides = await hubGuides(site);
    assert.ok(Object.values(guides).flat().length > 0, `${site.name} has guides`);
    for (const viewport of [PHONE, DESKTOP]) {
      const home = await open(viewport, site, "");
      const fromHome = await home.$$eval("main a", (links) => links.map((a) => a.href));
      for (const hub of HUBS) {
        for (const guide of guides[hub]) assert.ok(fromHome.includes(guide), `${site.name}: ${guide} is not linked from the home page`);
        await home.goto(site.server.base + hub);
        const order = await home.evaluate(() => {
          const top = (selector) => document.querySelector(selector)?.getBoundingClientRect().top ?? null;
          return { guides: top("#start-here"), events: top("#coming-up"), news: top("#news") };
        });
        if (order.guides === null) continue;
        for (const later of ["events", "news"]) {
          if (order[later] === null) continue;
          // Side by side on a desktop, the events may start level with the guides, not above.
          assert.ok(order.guides <= order[later], `${site.name} ${hub} at ${viewport.width} px: ${later} before the guides`);
        }
      }
      await home.close();
    }
  }
});

test("a parent on a phone finds how to help their child on the first screen of the parents' page", async () => {
  const site = sites[0];
  const page = await open(PHONE, site, "");
  await page.click(".audience-cards a >> text=Parents and carers");
  const link = page.locator("#start-here ~ .task-list a", { hasText: "Helping your child" });
  const box = await link.boundingBox();
  console.log(`secondary at 375 px: "Helping your child with their choices" starts ${Math.round(box.y)} px down the parents' page`);
  assert.ok(box.y + box.height <= PHONE.height, `it ends ${box.y + box.height} px down`);
  await page.close();
});

test("a pupil reaches their year's activities in two clicks from the home page", async () => {
  for (const site of sites) {
    const page = await open(PHONE, site, "");
    await page.click(".audience-cards a >> text=Pupils");
    const years = await page.$$eval(".year-chooser a", (links) => links.map((a) => a.textContent));
    assert.ok(years.length >= 6, `${site.name}: ${years.length} years to choose from`);
    const targets = await page.$$eval(".year-chooser a", (links) => links.map((a) => a.getBoundingClientRect()).map((r) => [r.width, r.height]));
    for (const [width, height] of targets) assert.ok(width >= 44 && height >= 44, `${site.name}: a ${width} × ${height} px target`);
    for (const year of years) {
      await page.goto(site.server.base + "pupils/");
      await page.click(`.year-chooser a >> text="${year}"`);
      await page.waitForLoadState("load");
      const landed = await page.evaluate(() => {
        const target = document.getElementById(location.hash.slice(1));
        return target && { text: target.textContent, top: target.getBoundingClientRect().top, activities: target.closest("section").querySelectorAll(".activity").length };
      });
      assert.ok(landed, `${site.name}: ${year} leads nowhere`);
      assert.ok(landed.text.startsWith(year), `${site.name}: ${year} leads to "${landed.text}"`);
      assert.ok(landed.top > -1 && landed.top < PHONE.height, `${site.name}: ${year}'s heading is at ${landed.top} px`);
      assert.ok(landed.activities > 0, `${site.name}: ${year} has no activities`);
    }
    await page.close();
  }
});

test("every hub shows whom to contact, and the employers' hub how to offer help", async () => {
  for (const site of sites) {
    for (const hub of HUBS) {
      const page = await open(PHONE, site, hub);
      const box = await page.evaluate(() => {
        const box = document.querySelector("main .contact-box");
        return box && {
          name: box.querySelector(".contact-name strong")?.textContent,
          email: box.querySelector("a[href^='mailto:']")?.textContent,
          phone: box.querySelector("a[href^='tel:']")?.textContent,
        };
      });
      assert.ok(box?.name && box.email && box.phone, `${site.name} ${hub}: ${JSON.stringify(box)}`);
      if (hub === "employers/") {
        const offer = await page.$eval("a.button[href^='mailto:']", (a) => a.href);
        assert.match(offer, /\?subject=Offer%20to%20help/);
        if (site.name === "secondary") {
          assert.equal(await page.locator("main a", { hasText: "provider access policy" }).count(), 1);
        }
      }
      await page.close();
    }
  }
});

test("on a phone the menu folds behind a button that works without JavaScript; on a desktop it is open", async () => {
  const site = sites[0];
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const phone = await context.newPage();
  await phone.goto(site.server.base + "events/");
  const header = await phone.evaluate(() => document.querySelector(".site-header").getBoundingClientRect().height);
  console.log(`secondary at 375 px: the header is ${Math.round(header)} px tall`);
  assert.ok(header <= 150, `the header takes ${header} px`);
  assert.equal(await phone.locator(".audience-menu a").first().isVisible(), false);
  await phone.click(".menu-fold > summary");
  assert.equal(await phone.locator(".audience-menu a", { hasText: "Parents and carers" }).isVisible(), true);
  await phone.click(".programme-menu > summary");
  assert.equal(await phone.locator(".programme-menu a", { hasText: "Events" }).isVisible(), true);
  await context.close();
  const desktop = await open(DESKTOP, site, "events/");
  assert.equal(await desktop.locator(".menu-fold > summary").isVisible(), false);
  assert.equal(await desktop.locator(".audience-menu a", { hasText: "Parents and carers" }).isVisible(), true);
  const rows = await desktop.evaluate(() => document.querySelector(".site-header").getBoundingClientRect().height);
  console.log(`secondary at 1,280 px: the header is ${Math.round(rows)} px tall`);
  assert.ok(rows <= 140, `the header takes ${rows} px at 1,280 px`);
  await desktop.close();
});

test("a page's title says it is the careers part of the school's site", async () => {
  const page = await open(DESKTOP, sites[0], "events/");
  assert.equal(await page.title(), "Events – Careers – Riverside Academy");
  await page.goto(sites[0].server.base);
  assert.equal(await page.title(), "Careers – Riverside Academy");
  assert.equal(await page.getAttribute(".school-name", "href"), "https://www.riverside-academy.sch.uk/");
  await page.close();
});

test("every printed page shows its public address and whom to contact", async () => {
  const problems = [];
  for (const site of sites) {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.emulateMedia({ media: "print" });
    for (const path of site.pages.filter((p) => p !== "404.html")) {
      await page.goto(site.server.base + path);
      const printed = await page.evaluate(() => ({
        footer: document.querySelector(".print-only")?.innerText ?? "",
        contact: document.querySelector(".footer-contact")?.innerText ?? "",
        canonical: document.querySelector("link[rel=canonical]")?.href,
      }));
      if (!printed.canonical || !printed.footer.includes(printed.canonical)) problems.push(`${site.name} ${path}: prints "${printed.footer}"`);
      if (!printed.contact.includes("@")) problems.push(`${site.name} ${path}: no contact printed`);
    }
    await page.close();
  }
  assert.deepEqual(problems, []);
});
