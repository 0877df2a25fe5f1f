// Build benchmark: careersite against Hugo on the same synthetic Markdown, in the same run.
// For each size it builds into an empty folder ("cold"), then again with nothing changed
// ("unchanged"), and reports the median wall time, CPU time (user + system) and peak memory
// of each, read by GNU time. Hugo is skipped when it is not installed. Not a test: run by hand.
//
//   cargo build --release
//   node benches/build.mjs                        # 1,000 and 10,000 pages, 3 runs each
//   node benches/build.mjs --pages 1000,10000,50000 --runs 5 --settle 6   # seconds' pause
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
  },
});
const sizes = values.pages.split(",").map(Number);
const runs = Number(values.runs);
const hugo = spawnSync("hugo", ["version"], { encoding: "utf8" });
const hugoVersion = hugo.status === 0 ? hugo.stdout.split(" ")[1].replace(/-.*/, "") : null;

// Each measurement starts with the disk idle: `sync` first, so the last build's files still
// being written back do not slow down the next one, then a pause, because ext4 steps around
// the inodes of files deleted in the last few seconds, which slows the creation of new ones
// by up to ten times (as after writing the synthetic site, or a run on another size).
const work = mkdtempSync(join(tmpdir(), "careersite-bench-"));
const settle = Number(values.settle);
const measure = (command, args, cwd) => {
  spawnSync("sync");
  spawnSync("sleep", [String(settle)]);
  const report = join(work, "time.txt");
  const run = spawnSync("/usr/bin/time", ["-o", report, "-f", "%e %U %S %M", command, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, SOURCE_DATE_EPOCH: "1795435200" },
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
  const build = (tool, output) =>
    tool === "careersite"
      ? measure(values.careersite, ["build", "--quiet", "--root", root, "--output", output], root)
      : measure("hugo", ["--quiet", "--destination", output], root);
  const samples = Object.fromEntries(tools.map((tool) => [tool, { cold: [], unchanged: [] }]));
  for (let run = 0; run < runs; run++) {
    // Each tool goes first in every other run, so neither always meets the machine as the
    // other left it.
    const order = run % 2 === 0 ? tools : [...tools].reverse();
    for (const tool of order) {
      const output = join(root, `out-${tool}-${run}`);
      rmSync(join(root, "resources"), { recursive: true, force: true });
      samples[tool].cold.push(build(tool, output));
      samples[tool].unchanged.push(build(tool, output));
    }
  }
  return Object.fromEntries(
    tools.map((tool) => [tool, { cold: summarise(samples[tool].cold), unchanged: summarise(samples[tool].unchanged) }]),
  );
}

const rows = [];
for (const pages of sizes) {
  const root = join(work, `${pages}-pages`);
  writeSyntheticSite(root, pages, { careers: true });
  writeHugoProject(root);
  const results = bench(root, hugoVersion ? ["careersite", "hugo"] : ["careersite"]);
  for (const kind of ["cold", "unchanged"]) {
    rows.push({ pages, kind, ours: results.careersite[kind], theirs: results.hugo?.[kind] });
  }
  rmSync(root, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });

const seconds = (s) => `${s.toFixed(2)} s`;
const cells = (m) => (m ? [seconds(m.wall), seconds(m.user), seconds(m.system), `${m.mb.toFixed(0)} MB`] : ["–", "–", "–", "–"]);
const ratio = (a, b) => (b ? (a / b).toFixed(2) : "–");
console.log(`\n${execFileSync("uname", ["-srm"], { encoding: "utf8" }).trim()}, ${execFileSync("nproc", { encoding: "utf8" }).trim()} cores; median of ${runs} runs; Hugo ${hugoVersion ?? "not installed"}\n`);
console.log("| pages | build | careersite wall | user CPU | system CPU | peak memory | Hugo wall | user CPU | system CPU | peak memory | wall ratio |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
for (const { pages, kind, ours, theirs } of rows) {
  console.log(`| ${pages.toLocaleString("en-GB")} | ${kind} | ${cells(ours).join(" | ")} | ${cells(theirs).join(" | ")} | ${ratio(ours.wall, theirs?.wall)} |`);
}
