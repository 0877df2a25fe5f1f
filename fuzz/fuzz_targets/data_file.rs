//! Each careers data file: the first byte of the input chooses which, the rest is its YAML.
#![no_main]

mod site;

use std::sync::LazyLock;

static SITE: LazyLock<site::Site> = LazyLock::new(site::Site::new);

const FILES: [&str; 6] = [
    "site.yaml",
    "programme.yaml",
    "benchmarks.yaml",
    "action-plan.yaml",
    "events.yaml",
    "evaluation.yaml",
];

libfuzzer_sys::fuzz_target!(|input: &[u8]| {
    if let Some((&choice, text)) = input.split_first() {
        SITE.build_with(FILES[choice as usize % FILES.len()], text);
    }
});
