//! A one-school site in a folder of its own, rewritten for every input and built in memory
//! through the real pipeline: load, check, render, and check the rendered pages. Only a panic or a hang is a failure; a
//! refusal with a diagnostic is what bad input should get.

use std::path::{Path, PathBuf};

pub struct Site {
    root: PathBuf,
}

impl Site {
    pub fn new() -> Self {
        // On Linux, a folder in memory: the fuzzer writes thousands of files a second.
        let base = Path::new("/dev/shm");
        let base = if base.is_dir() { base.to_path_buf() } else { std::env::temp_dir() };
        let root = base.join(format!("careersite-fuzz-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("content/pupils")).unwrap();
        std::fs::write(root.join("content/pupils/_index.md"), "# Pupils\n\nFor pupils.\n").unwrap();
        Site { root }
    }

    /// Writes `text` at `path` under `content/`, builds, and puts the file back as it was.
    pub fn build_with(&self, path: &str, text: &[u8]) {
        let file = self.root.join("content").join(path);
        std::fs::write(&file, text).unwrap();
        if let Ok(checked) = careersite::pipeline::check_site(&self.root) {
            let today = jiff::civil::date(2026, 11, 23);
            if let Ok(prepared) = careersite::render::prepare(&checked.site, &checked.theme, today)
            {
                // Rendered and checked as `careersite check` does, each file let go at once.
                let _ = careersite::pipeline::render_checking(&checked, &prepared, today, false, |_| {
                    Ok(())
                });
            }
        }
        std::fs::remove_file(&file).unwrap();
    }
}
