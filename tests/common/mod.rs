//! Helpers for driving the real `careersite` binary on sites built in temporary folders.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use scraper::{Html, Selector};
use tempfile::TempDir;

/// A school site in a temporary folder.
pub struct TestSite {
    dir: TempDir,
}

impl TestSite {
    pub fn new() -> Self {
        let site = TestSite {
            dir: tempfile::tempdir().expect("temporary folder"),
        };
        std::fs::create_dir_all(site.root().join("content")).unwrap();
        site
    }

    /// A site holding a copy of the bundled example school.
    pub fn example() -> Self {
        let site = TestSite::new();
        copy_tree(&repo_root().join("content"), &site.root().join("content"));
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn output(&self) -> PathBuf {
        self.root().join("site")
    }

    /// Writes `text` to `path`, relative to the site's root folder.
    pub fn write(&self, path: &str, text: impl AsRef<[u8]>) -> &Self {
        let path = self.root().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    /// Replaces `from` with `to` in the file at `path`, as a careers leader's save would.
    pub fn edit(&self, path: &str, from: &str, to: &str) -> &Self {
        let file = self.root().join(path);
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(from), "{path} does not contain {from:?}");
        std::fs::write(file, text.replace(from, to)).unwrap();
        self
    }

    /// Runs careersite with `args` and `--root` set to this site.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    /// As [`TestSite::run`], with `env` set: `XDG_CACHE_HOME`, for a cache of its own.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &Path)]) -> Run {
        let root = self.root().as_os_str();
        let mut all: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        all.extend([OsStr::new("--root"), root]);
        careersite_with(&all, env)
    }

    /// Builds the site, expecting it to be refused as a careers leader's mistake should be:
    /// exit code 1, no panic, nothing written, and a message that names `place` (a file, or
    /// `file:line:`) and says `words`. Returns all that careersite said.
    pub fn refused(&self, place: &str, words: &str) -> String {
        let run = self.run(&["build"]).failure();
        let err = run.stderr();
        assert_eq!(run.0.status.code(), Some(1), "{err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(err.contains(place), "should name {place}:\n{err}");
        assert!(err.contains(words), "should say {words:?}:\n{err}");
        assert!(!self.output().exists(), "a refused build wrote a site");
        err
    }

    /// As [`TestSite::refused`], for a build refused for one problem whose words are known in
    /// full: `error` is its first line after `error: `, and `help` what it says to do.
    pub fn refused_saying(&self, error: &str, help: &str) -> String {
        let err = self.refused(error, help);
        assert_reported(&err, &format!("error: {error}"), help);
        assert!(
            err.ends_with(
                "careersite stopped: 1 problem to fix; nothing in the output folder was changed.\n"
            ),
            "{err}"
        );
        err
    }

    /// Builds the site, panicking with careersite's own words if it fails.
    pub fn build(&self) -> Run {
        self.run(&["build"]).success()
    }

    pub fn page(&self, path: &str) -> Page {
        let file = self.output().join(path);
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("{} should exist: {e}", file.display()));
        Page(Html::parse_document(&text))
    }

    pub fn exists(&self, path: &str) -> bool {
        self.output().join(path).exists()
    }

    /// Every file in the output and its bytes.
    pub fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        walkdir::WalkDir::new(self.output())
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let name = e.path().strip_prefix(self.output()).unwrap();
                (
                    name.to_string_lossy().replace('\\', "/"),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    }
}

/// The day every test builds on (23 November 2026, noon UTC), so that which events are
/// "coming up" does not depend on when the tests run.
pub const TODAY_EPOCH: &str = "1795435200";

/// Long enough for any run the tests make on a loaded 2-core machine, many times over: a run
/// still going then has hung, and is stopped so that the suite fails instead of waiting forever.
/// How fast careersite is belongs in BENCHMARKS.md, not here.
pub const HANG: Duration = Duration::from_secs(300);

/// Runs the real binary with `args`, failing the test if it hangs.
pub fn careersite(args: &[&OsStr]) -> Run {
    careersite_with(args, &[])
}

/// As [`careersite`], with `env` set.
pub fn careersite_with(args: &[&OsStr], env: &[(&str, &Path)]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_careersite"))
        .args(args)
        .envs(env.iter().copied())
        .env("SOURCE_DATE_EPOCH", TODAY_EPOCH)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("careersite runs");
    let stdout = read_all(child.stdout.take().unwrap());
    let stderr = read_all(child.stderr.take().unwrap());
    let started = Instant::now();
    let mut pause = Duration::from_millis(1);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > HANG {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("careersite {args:?} was still running after {HANG:?}: it hangs");
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    };
    Run(Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    })
}

/// Reads all of `pipe` on a thread of its own, so that a full pipe never stalls careersite.
fn read_all(mut pipe: impl Read + Send + 'static) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        pipe.read_to_end(&mut bytes).unwrap();
        bytes
    })
}

/// Asserts that `output` reports a problem whose first line is `first` (such as
/// `error: content/a.md:3:4: this file is not UTF-8 text`) and whose help is `help`, both whole.
pub fn assert_reported(output: &str, first: &str, help: &str) {
    let reported = output.split("\n\n").any(|problem| {
        let mut lines = problem.lines();
        lines.next() == Some(first) && lines.any(|line| line == format!("  help: {help}"))
    });
    assert!(
        reported,
        "should report {first:?}\n  with help {help:?}, but said:\n{output}"
    );
}

pub struct Run(pub Output);

impl Run {
    pub fn success(self) -> Self {
        assert!(
            self.0.status.success(),
            "careersite failed:\n{}{}",
            self.stdout(),
            self.stderr()
        );
        self
    }

    pub fn failure(self) -> Self {
        assert!(
            !self.0.status.success(),
            "careersite should have failed:\n{}",
            self.stdout()
        );
        self
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
}

/// A parsed HTML page.
pub struct Page(pub Html);

impl Page {
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let selector = Selector::parse(selector).unwrap();
        self.0
            .select(&selector)
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    pub fn text(&self, selector: &str) -> String {
        let texts = self.texts(selector);
        assert!(!texts.is_empty(), "nothing matches {selector}");
        texts.join(" ")
    }

    /// The text of each cell of each row that `selector` matches.
    pub fn rows(&self, selector: &str) -> Vec<Vec<String>> {
        let rows = Selector::parse(selector).unwrap();
        let cells = Selector::parse("th, td").unwrap();
        self.0
            .select(&rows)
            .map(|row| {
                row.select(&cells)
                    .map(|cell| {
                        cell.text()
                            .collect::<String>()
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect()
            })
            .collect()
    }

    pub fn attrs(&self, selector: &str, attribute: &str) -> Vec<String> {
        let selector = Selector::parse(selector).unwrap();
        self.0
            .select(&selector)
            .filter_map(|e| e.value().attr(attribute).map(str::to_string))
            .collect()
    }

    /// The `href` of the first link whose text is `text`.
    pub fn link(&self, text: &str) -> String {
        let selector = Selector::parse("a").unwrap();
        self.0
            .select(&selector)
            .find(|e| e.text().collect::<String>().trim() == text)
            .and_then(|e| e.value().attr("href").map(str::to_string))
            .unwrap_or_else(|| panic!("no link with text {text:?}"))
    }
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The careers data files careersite reads from `content/`, as `init` writes them.
pub const DATA_FILES: [&str; 7] = [
    "site.yaml",
    "programme.yaml",
    "benchmarks.yaml",
    "action-plan.yaml",
    "evaluation.yaml",
    "events.yaml",
    "photos.yaml",
];

/// The schema `careersite schema` writes for a data file, or for `page` front matter.
pub fn schema_file(file: &str) -> String {
    format!("{}.schema.json", file.trim_end_matches(".yaml"))
}
