// Build benchmark: careersite against Hugo on the same synthetic Markdown, in the same run.
// For each size it builds into an empty folder ("cold"), then again with nothing changed
// ("unchanged"), and reports the median wall time, CPU time (user + system) and peak memory
// of each, read by GNU time. Hugo is skipped when it is not installed. Not a test: run by hand.
//
// A plain `cp -r` of careersite's own cold output, into a new folder, is measured beside it:
// the floor for writing that many files. `--threads 1,2` also builds with one thread, to see
// whether writing from more than one pays on this machine.
//
//   cargo build --release
//   node benches/build.mjs                        # 1,000 and 10,000 pages, 3 runs each
//   node benches/build.mjs --pages 1000,10000,50000 --runs 5 --settle 6   # seconds' pause
//   node benches/build.mjs --pages 10000 --shapes sections,folders --threads 1,2
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeHugoProject, writeSyntheticSite } from "./synthetic.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    pages: { type: "string", default: "1000,10000" },
    runs: { type: "string", default: "3" },
    settle: { type: "string", default: "6" },
    careersite: { type: "string", default: join(repo, "target", "release", "careersite") },
    shapes: { type: "string", default: "sections" },
    threads: { type: "string", default: "" },
  },
});
const sizes = values.pages.split(",").map(Number);
const runs = Number(values.runs);
const shapes = values.shapes.split(",");
// No count: rayon's default, one thread per core.
const threadCounts = values.threads ? values.threads.split(",") : [""];
const hugo = spawnSync("hugo", ["version"], { encoding: "utf8" });
const hugoVersion = hugo.status === 0 ? hugo.stdout.split(" ")[1].replace(/-.*/, "") : null;

// Each measurement starts with the disk idle: `sync` first, so the last build's files still
// being written back do not slow down the next one, then a pause, because ext4 steps around
// the inodes of files deleted in the last few seconds, which slows the creation of new ones
// by up to ten times (as after writing the synthetic site, or a run on another size).
const work = mkdtempSync(join(tmpdir(), "careersite-bench-"));
const settle = Number(values.settle);
const measure = (command, args, cwd, env = {}) => {
  spawnSync("sync");
  spawnSync("sleep", [String(settle)]);
  const report = join(work, "time.txt");
  const run = spawnSync("/usr/bin/time", ["-o", report, "-f", "%e %U %S %M", command, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, SOURCE_DATE_EPOCH: "1795435200", ...env },
  });
  if (run.status !== 0) throw new Error(`${command} failed:\n${run.stderr}`);
  const [wall, user, system, kb] = readFileSync(report, "utf8").trim().split("\n").pop().split(" ").map(Number);
  return { wall, user, system, mb: kb / 1024 };
};

const median = (samples, key) => {
  const sorted = samples.map((s) => s[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const summarise = (samples) =>
  Object.fromEntries(["wall", "user", "system", "mb"].map((key) => [key, median(samples, key)]));

// Each cold build gets a new folder, and nothing is deleted until the end: deleting a large
// folder just before a build slows the build down (see `settle`), which would measure the disk.
// The two tools take turns, so that both meet the same state of the machine.
function bench(root, tools) {
  const build = (tool, output) => {
    if (tool === "hugo") return measure("hugo", ["--quiet", "--destination", output], root);
    const threads = tool.split(" ")[1];
    const env = threads ? { RAYON_NUM_THREADS: threads } : {};
    return measure(values.careersite, ["build", "--quiet", "--root", root, "--output", output], root, env);
  };
  const samples = Object.fromEntries(tools.map((tool) => [tool, { cold: [], unchanged: [] }]));
  const copies = [];
  for (let run = 0; run < runs; run++) {
    // Each tool goes first in every other run, so neither always meets the machine as the
    // other left it.
    const order = run % 2 === 0 ? tools : [...tools].reverse();
    for (const tool of order) {
      const output = join(root, `out-${tool.replace(" ", "-")}-${run}`);
      rmSync(join(root, "resources"), { recursive: true, force: true });
      samples[tool].cold.push(build(tool, output));
      samples[tool].unchanged.push(build(tool, output));
      if (tool === tools[0]) copies.push(measure("cp", ["-r", output, `${output}-copy`], root));
    }
  }
  return {
    ...Object.fromEntries(
      tools.map((tool) => [tool, { cold: summarise(samples[tool].cold), unchanged: summarise(samples[tool].unchanged) }]),
    ),
    copy: summarise(copies),
  };
}

const careersites = threadCounts.map((n) => (n ? `careersite ${n}` : "careersite"));
const rows = [];
for (const shape of shapes) {
  for (const pages of sizes) {
    const root = join(work, `${shape}-${pages}-pages`);
    writeSyntheticSite(root, pages, { careers: true, shape });
    writeHugoProject(root);
    const results = bench(root, hugoVersion ? [...careersites, "hugo"] : careersites);
    for (const tool of careersites) {
      for (const kind of ["cold", "unchanged"]) {
        rows.push({ shape, pages, tool, kind, ours: results[tool][kind], theirs: results.hugo?.[kind], copy: kind === "cold" ? results.copy : null });
      }
    }
    rmSync(root, { recursive: true, force: true });
  }
}
rmSync(work, { recursive: true, force: true });

const seconds = (s) => `${s.toFixed(2)} s`;
const cells = (m) => (m ? [seconds(m.wall), seconds(m.user), seconds(m.system), `${m.mb.toFixed(0)} MB`] : ["–", "–", "–", "–"]);
const ratio = (a, b) => (b ? (a / b).toFixed(2) : "–");
console.log(`\n${execFileSync("uname", ["-srm"], { encoding: "utf8" }).trim()}, ${execFileSync("nproc", { encoding: "utf8" }).trim()} cores; median of ${runs} runs; Hugo ${hugoVersion ?? "not installed"}\n`);
console.log("| shape | pages | threads | build | careersite wall | user CPU | system CPU | peak memory | Hugo wall | user CPU | system CPU | peak memory | wall ratio | `cp -r` of the output | ratio to `cp -r` |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const { shape, pages, tool, kind, ours, theirs, copy } of rows) {
  const threads = tool.split(" ")[1] ?? "all";
  const floor = copy ? [seconds(copy.wall), ratio(ours.wall, copy.wall)] : ["", ""];
  console.log(`| ${shape} | ${pages.toLocaleString("en-GB")} | ${threads} | ${kind} | ${cells(ours).join(" | ")} | ${cells(theirs).join(" | ")} | ${ratio(ours.wall, theirs?.wall)} | ${floor.join(" | ")} |`);
}
