// Helpers for driving careersite and Debian's Chromium from node's test runner.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The careersite binary to drive: `CAREERSITE_BIN`, or the debug build (in `CARGO_TARGET_DIR`
 * when cargo was told to build elsewhere). */
export const binary = () =>
  process.env.CAREERSITE_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(repo, "target"), "debug", "careersite");

/** A temporary copy of the bundled example school. */
export function exampleSite() {
  const root = mkdtempSync(join(tmpdir(), "careersite-browser-"));
  cpSync(join(repo, "content"), join(root, "content"), { recursive: true });
  return root;
}

export function removeSite(root) {
  rmSync(root, { recursive: true, force: true });
}

/** Starts `careersite serve` on `port` (a free one by default); resolves once it is serving.
 * `stop()` resolves once the server has exited. */
export function serve(root, { port = 0 } = {}) {
  const child = spawn(binary(), ["serve", "--port", String(port), "--quiet", "--root", root], {
    env: { ...process.env, SOURCE_DATE_EPOCH: "1795435200" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise((resolveExit) => child.once("exit", resolveExit));
  const stop = () => {
    child.kill();
    return exited;
  };
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 20000);
    const read = (chunk) => {
      output += chunk;
      const match = output.match(/Serving the site at (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ url: match[1], stop, output: () => output });
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

/** Debian's Chromium, headless, with no network beyond this machine. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
