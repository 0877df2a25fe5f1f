// Build benchmark: careersite against Hugo on the same synthetic Markdown, in the same run.
// For each size it builds into an empty folder ("cold"), then again with nothing changed
// ("unchanged"), and reports the median wall time, CPU time (user + system) and peak memory
// of each, read by GNU time. Hugo is skipped when it is not installed. Not a test: run by hand.
//
//   cargo build --release
//   node benches/build.mjs                        # 1,000 and 10,000 pages, 3 runs each
//   node benches/build.mjs --pages 1000,10000,50000 --runs 5
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
    careersite: { type: "string", default: join(repo, "target", "release", "careersite") },
  },
});
const sizes = values.pages.split(",").map(Number);
const runs = Number(values.runs);
const hugo = spawnSync("hugo", ["version"], { encoding: "utf8" });
const hugoVersion = hugo.status === 0 ? hugo.stdout.split(" ")[1].replace(/-.*/, "") : null;

const measure = (command, args, cwd) => {
  const report = join(tmpdir(), `careersite-bench-time-${process.pid}`);
  const run = spawnSync("/usr/bin/time", ["-o", report, "-f", "%e %U %S %M", command, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, SOURCE_DATE_EPOCH: "1795435200" },
  });
  if (run.status !== 0) throw new Error(`${command} failed:\n${run.stderr}`);
  const [wall, user, system, kb] = readFileSync(report, "utf8").trim().split("\n").pop().split(" ").map(Number);
  return { wall, cpu: user + system, mb: kb / 1024 };
};

const median = (samples, key) => {
  const sorted = samples.map((s) => s[key]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const summarise = (samples) => ({ wall: median(samples, "wall"), cpu: median(samples, "cpu"), mb: median(samples, "mb") });

function bench(root, tool) {
  const output = join(root, `out-${tool}`);
  const build =
    tool === "careersite"
      ? () => measure(values.careersite, ["build", "--quiet", "--root", root, "--output", output], root)
      : () => measure("hugo", ["--quiet", "--destination", output], root);
  const cold = [];
  const unchanged = [];
  for (let run = 0; run < runs; run++) {
    rmSync(output, { recursive: true, force: true });
    rmSync(join(root, "resources"), { recursive: true, force: true });
    cold.push(build());
    unchanged.push(build());
  }
  return { cold: summarise(cold), unchanged: summarise(unchanged) };
}

const rows = [];
for (const pages of sizes) {
  const root = mkdtempSync(join(tmpdir(), `careersite-bench-${pages}-`));
  writeSyntheticSite(root, pages, { careers: true });
  writeHugoProject(root);
  const ours = bench(root, "careersite");
  const theirs = hugoVersion ? bench(root, "hugo") : null;
  for (const kind of ["cold", "unchanged"]) {
    rows.push({ pages, kind, ours: ours[kind], theirs: theirs?.[kind] });
  }
  rmSync(root, { recursive: true, force: true });
}

const seconds = (s) => `${s.toFixed(2)} s`;
const ratio = (a, b) => (b ? (a / b).toFixed(2) : "–");
console.log(`\n${execFileSync("uname", ["-srm"], { encoding: "utf8" }).trim()}, ${execFileSync("nproc", { encoding: "utf8" }).trim()} cores; median of ${runs} runs; Hugo ${hugoVersion ?? "not installed"}\n`);
console.log("| pages | build | careersite wall | CPU | peak memory | Hugo wall | CPU | peak memory | wall ratio |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const { pages, kind, ours, theirs } of rows) {
  const hugoCells = theirs ? [seconds(theirs.wall), seconds(theirs.cpu), `${theirs.mb.toFixed(0)} MB`] : ["–", "–", "–"];
  console.log(
    `| ${pages.toLocaleString("en-GB")} | ${kind} | ${seconds(ours.wall)} | ${seconds(ours.cpu)} | ${ours.mb.toFixed(0)} MB | ${hugoCells.join(" | ")} | ${ratio(ours.wall, theirs?.wall)} |`,
  );
}
