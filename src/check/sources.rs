//! Where each published page came from, for placing findings in the careers leader's own
//! files: its Markdown page, and the data files whose text careersite shows on pages. Each
//! file's link addresses are indexed once, so a page with thousands of links is checked in
//! one pass over its source, not one search per link.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::diagnostic::{LineStarts, Location};
use crate::load;
use crate::site::Site;

/// The data files whose Markdown appears on the pages careersite makes.
const DATA_FILES: [&str; 6] = [
    load::PROGRAMME_FILE,
    load::EVENTS_FILE,
    load::CONFIG_FILE,
    load::SELF_ASSESSMENT_FILE,
    load::ACTION_PLAN_FILE,
    load::EVALUATION_FILE,
];

pub struct Sources {
    by_output: HashMap<String, PathBuf>,
    texts: HashMap<PathBuf, SourceText>,
}

struct SourceText {
    text: String,
    lines: LineStarts,
    /// The address of every Markdown link: `[text](address)` and `[name]: address`.
    markdown_links: HashSet<String>,
    /// Where the value of each raw HTML `href` or `src` is first written, keyed `href=value`.
    attributes: HashMap<String, usize>,
}

impl SourceText {
    fn new(text: String) -> Self {
        SourceText {
            lines: LineStarts::new(&text),
            markdown_links: markdown_links(&text),
            attributes: attributes(&text),
            text,
        }
    }
}

impl Sources {
    pub fn new(site: &Site) -> Self {
        let by_output = site
            .pages
            .iter()
            .map(|p| (format!("{}index.html", p.url_path), p.source.clone()))
            .collect();
        // A page's findings are placed in its whole file, front matter included.
        let pages = site.pages.iter().filter_map(|p| {
            let text = std::fs::read_to_string(site.root.join(&p.source)).ok()?;
            Some((p.source.clone(), text))
        });
        let data = site
            .data_texts
            .iter()
            .map(|(file, text)| (file.clone(), text.clone()));
        let texts = pages
            .chain(data)
            .map(|(file, text)| (file, SourceText::new(text)))
            .collect();
        Sources { by_output, texts }
    }

    /// The file to name for a finding on `output`: its Markdown page, or the page as published.
    pub fn file_for(&self, output: &str) -> PathBuf {
        self.by_output
            .get(output)
            .cloned()
            .unwrap_or_else(|| PathBuf::from("site").join(output))
    }

    /// Where `needle` is written: in the page's Markdown, or else in a data file.
    pub fn locate(&self, output: &str, needle: &str) -> Option<Location> {
        if needle.is_empty() {
            return None;
        }
        self.candidates(output).find_map(|(file, source)| {
            let offset = source.text.find(needle)?;
            Some(source.lines.location(&file, &source.text, offset, 1))
        })
    }

    /// Where raw HTML gives `attribute` the value `value`, at the value.
    pub fn attribute(&self, output: &str, attribute: &str, value: &str) -> Option<Location> {
        let key = format!("{attribute}={value}");
        self.candidates(output).find_map(|(file, source)| {
            let &offset = source.attributes.get(&key)?;
            Some(source.lines.location(&file, &source.text, offset, 1))
        })
    }

    /// Whether `address` is a Markdown link's address in the sources of `output`.
    pub fn markdown_link(&self, output: &str, address: &str) -> bool {
        self.candidates(output)
            .any(|(_, source)| source.markdown_links.contains(address))
    }

    /// The page's own Markdown, then the data files, as far as they exist.
    fn candidates(&self, output: &str) -> impl Iterator<Item = (PathBuf, &SourceText)> {
        self.by_output
            .get(output)
            .cloned()
            .into_iter()
            .chain(data_files())
            .filter_map(|file| {
                let source = self.texts.get(&file)?;
                Some((file, source))
            })
    }
}

fn data_files() -> impl Iterator<Item = PathBuf> {
    DATA_FILES.iter().map(|f| load::data_file_path(f))
}

fn markdown_links(text: &str) -> HashSet<String> {
    let inline = text.match_indices("](").map(|(at, _)| &text[at + 2..]);
    let defined = text
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix('['))
        .filter_map(|line| Some(line.split_once("]:")?.1.trim_start()));
    inline
        .chain(defined)
        .map(|rest| match rest.strip_prefix('<') {
            Some(bracketed) => bracketed[..bracketed.find('>').unwrap_or(0)].to_string(),
            None => {
                let end = rest
                    .find(|c: char| c.is_whitespace() || c == ')')
                    .unwrap_or(rest.len());
                rest[..end].to_string()
            }
        })
        .collect()
}

fn attributes(text: &str) -> HashMap<String, usize> {
    let mut found = HashMap::new();
    for attribute in ["href", "src"] {
        for (at, _) in text.match_indices(&format!("{attribute}=")) {
            let start = at + attribute.len() + 1;
            let Some(quote) = text[start..]
                .chars()
                .next()
                .filter(|q| matches!(q, '"' | '\''))
            else {
                continue;
            };
            let value_start = start + 1;
            let Some(length) = text[value_start..].find(quote) else {
                continue;
            };
            found
                .entry(format!(
                    "{attribute}={}",
                    &text[value_start..value_start + length]
                ))
                .or_insert(value_start);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_links_and_raw_html_addresses_are_indexed() {
        let text = "See [a](one.md) and [b](<two words.md>) and [c][r].\n\n[r]: three.md\n<a href='#'>x</a> <img src=\"p.jpg\">\n";
        let links = markdown_links(text);
        for address in ["one.md", "two words.md", "three.md"] {
            assert!(links.contains(address), "{address} in {links:?}");
        }
        let attributes = attributes(text);
        assert_eq!(attributes.get("href=#"), Some(&(text.find("#'").unwrap())));
        assert!(attributes.contains_key("src=p.jpg"));
    }
}
