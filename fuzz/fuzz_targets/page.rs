//! A page: front matter and Markdown, as a careers leader might write it or paste it.
#![no_main]

mod site;

use std::sync::LazyLock;

static SITE: LazyLock<site::Site> = LazyLock::new(site::Site::new);

libfuzzer_sys::fuzz_target!(|text: &[u8]| {
    SITE.build_with("pupils/page.md", text);
});
