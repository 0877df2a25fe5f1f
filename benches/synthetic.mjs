// Deterministic synthetic sites for benchmarks: N Markdown pages with YAML front matter in
// nested sections, with headings, lists, tables and links. Plain enough for Hugo to read
// unchanged, and, with `careers`, the example school's careers data beside them.
import { cpSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const PER_TOPIC = 50;
// A site's top level stays the size a real one has, whatever its size: every page's main
// navigation lists the top-level sections, so more of them would make each page bigger.
const SECTIONS = 10;

/** Where page `i` is written, under `content/`, and so where it is published. */
export function syntheticPage(i) {
  const topicIndex = Math.floor(i / PER_TOPIC);
  const section = `section-${String(topicIndex % SECTIONS).padStart(2, "0")}`;
  const topic = `topic-${String(Math.floor(topicIndex / SECTIONS)).padStart(3, "0")}`;
  return { section, topic, name: `page-${String(i).padStart(5, "0")}` };
}

/** Where page `i` of the "folders" shape goes: 100 top-level folders of 100 pages each. */
export function folderPage(i) {
  return { section: `folder-${String(Math.floor(i / 100)).padStart(3, "0")}`, name: `page-${String(i).padStart(5, "0")}` };
}

/**
 * Writes a synthetic site. `shape` is "sections" (ten top-level sections of topic folders of
 * 50 pages) or "folders" (top-level folders of 100 pages each, every page linking to the next
 * two in its folder).
 */
export function writeSyntheticSite(root, pages, { careers = false, shape = "sections" } = {}) {
  const content = join(root, "content");
  mkdirSync(content, { recursive: true });
  if (shape === "folders") {
    for (let i = 0; i < pages; i++) {
      const { section, name } = folderPage(i);
      const folder = join(content, section);
      if (i % 100 === 0) {
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, "_index.md"), `---\ntitle: "Folder ${section}"\n---\n\nPages in ${section}.\n`);
      }
      const sibling = (k) => folderPage(Math.floor(i / 100) * 100 + ((i + k) % 100)).name;
      const links = `See [the next page](${sibling(1)}.md) and [the one after](${sibling(2)}.md).`;
      writeFileSync(join(folder, `${name}.md`), page(i, pages).replace("## Details", `${links}\n\n## Details`));
    }
  }
  for (let i = 0; shape === "sections" && i < pages; i++) {
    const { section, topic, name } = syntheticPage(i);
    const folder = join(content, section, topic);
    if (i % PER_TOPIC === 0) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, "_index.md"), `---\ntitle: "${section} ${topic}"\n---\n\nPages about ${topic}.\n`);
      if (i < PER_TOPIC * SECTIONS) {
        writeFileSync(join(content, section, "_index.md"), `---\ntitle: "${section}"\n---\n\nEverything in ${section}.\n`);
      }
    }
    writeFileSync(join(folder, `${name}.md`), page(i, pages));
  }
  if (careers) {
    // A large secondary school's careers data: programme, benchmarks, plans, events, results.
    const example = join(repo, "content");
    for (const name of readdirSync(example).filter((n) => n.endsWith(".yaml") || n === "images")) {
      cpSync(join(example, name), join(content, name), { recursive: true });
    }
  }
}

function page(i, pages) {
  const next = (i + 1) % pages;
  return `---
title: "Page ${i}"
date: 2026-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}
description: "Synthetic page ${i} for benchmarks."
---

## Introduction

Page ${i} talks about careers, courses and apprenticeships. It links to [another page](https://example.org/${next}).

- First point about page ${i}
- Second point, with *emphasis* and **strong** text
- Third point

| Year | Activity | Benchmark |
|---|---|---|
| 7 | Meet a professional | 5 |
| 10 | Work experience | 6 |

## Details

${"Careers education helps every pupil plan their next steps. ".repeat(8)}
`;
}

// Hugo's side of the comparison: its configuration and the smallest layouts that still give
// every page a head, breadcrumbs, its content and, for sections, the list of their pages.
export function writeHugoProject(root) {
  writeFileSync(
    join(root, "hugo.toml"),
    `baseURL = "https://example.org/"\ntitle = "Synthetic"\ndisableKinds = ["taxonomy", "term", "RSS"]\n`,
  );
  const layouts = join(root, "layouts", "_default");
  mkdirSync(layouts, { recursive: true });
  const head = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }}</title><meta name="description" content="{{ .Description }}"></head><body><nav aria-label="Breadcrumb">{{ range .Ancestors.Reverse }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> / {{ end }}</nav><main><h1>{{ .Title }}</h1>`;
  writeFileSync(join(layouts, "single.html"), `${head}{{ .Content }}</main></body></html>\n`);
  writeFileSync(
    join(layouts, "list.html"),
    `${head}{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>\n`,
  );
}
