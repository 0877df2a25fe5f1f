// Deterministic synthetic sites for benchmarks: N Markdown pages with YAML front matter in
// nested sections, with headings, lists, tables and links. Plain enough for Hugo to read too.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function writeSyntheticSite(root, pages) {
  const content = join(root, "content");
  const perSection = 50;
  for (let i = 0; i < pages; i++) {
    const section = `section-${String(Math.floor(i / perSection / 10)).padStart(2, "0")}`;
    const sub = `topic-${String(Math.floor(i / perSection) % 10).padStart(2, "0")}`;
    const folder = join(content, section, sub);
    mkdirSync(folder, { recursive: true });
    const next = (i + 1) % pages;
    writeFileSync(
      join(folder, `page-${String(i).padStart(5, "0")}.md`),
      `---
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
`,
    );
  }
}
