//! Where each published page came from, for placing findings in the careers leader's own
//! files: its Markdown page, and the data files whose text careersite shows on pages. The
//! texts are those loaded, not read again; each page's link addresses are indexed once, when
//! its page is checked, so a page with thousands of links is checked in one pass over its
//! source, not one search per link, and only the page being checked is indexed at a time.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::diagnostic::{LineStarts, Location};
use crate::load;
use crate::site::{Page, Site};

/// The data files whose Markdown appears on the pages careersite makes.
const DATA_FILES: [&str; 6] = [
    load::PROGRAMME_FILE,
    load::EVENTS_FILE,
    load::CONFIG_FILE,
    load::SELF_ASSESSMENT_FILE,
    load::ACTION_PLAN_FILE,
    load::EVALUATION_FILE,
];

/// The site's sources, indexed: the data files at once, as every page may show them.
pub struct Sources<'a> {
    page_by_output: HashMap<String, &'a Page>,
    data: Vec<(PathBuf, SourceText<'a>)>,
}

struct SourceText<'a> {
    text: &'a str,
    lines: LineStarts,
    /// The address of every Markdown link: `[text](address)` and `[name]: address`.
    markdown_links: HashSet<&'a str>,
    /// Where the value of each raw HTML `href` or `src` is first written, keyed `href=value`.
    attributes: HashMap<String, usize>,
}

impl<'a> SourceText<'a> {
    fn new(text: &'a str) -> Self {
        SourceText {
            lines: LineStarts::new(text),
            markdown_links: markdown_links(text),
            attributes: attributes(text),
            text,
        }
    }
}

impl<'a> Sources<'a> {
    pub fn new(site: &'a Site) -> Self {
        let page_by_output = site
            .pages
            .iter()
            .map(|p| (format!("{}index.html", p.url_path), p))
            .collect();
        let data = data_files()
            .filter_map(|file| {
                let text = site.data_texts.get(&file)?;
                Some((file, SourceText::new(text)))
            })
            .collect();
        Sources {
            page_by_output,
            data,
        }
    }

    /// The sources of the published page `output`, indexed.
    pub fn of(&self, output: &str) -> PageSources<'_> {
        let page = self.page_by_output.get(output);
        PageSources {
            // A page's findings are placed in its whole file, front matter included.
            own: page.map(|p| (p.source.as_path(), SourceText::new(&p.text))),
            file: self.file_of(output),
            data: &self.data,
        }
    }

    /// The file to name for a finding on `output`, without indexing anything: its Markdown
    /// page, or the page as published.
    pub fn file_of(&self, output: &str) -> PathBuf {
        self.page_by_output
            .get(output)
            .map_or_else(|| PathBuf::from("site").join(output), |p| p.source.clone())
    }
}

/// Where the text of one published page was written.
pub struct PageSources<'a> {
    own: Option<(&'a Path, SourceText<'a>)>,
    file: PathBuf,
    data: &'a [(PathBuf, SourceText<'a>)],
}

impl PageSources<'_> {
    /// The file to name for a finding on the page: its Markdown page, or the page as published.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Where `needle` is written: in the page's Markdown, or else in a data file.
    pub fn locate(&self, needle: &str) -> Option<Location> {
        if needle.is_empty() {
            return None;
        }
        self.candidates().find_map(|(file, source)| {
            let offset = source.text.find(needle)?;
            Some(source.lines.location(file, source.text, offset, 1))
        })
    }

    /// Where raw HTML gives `attribute` the value `value`, at the value.
    pub fn attribute(&self, attribute: &str, value: &str) -> Option<Location> {
        let key = format!("{attribute}={value}");
        self.candidates().find_map(|(file, source)| {
            let &offset = source.attributes.get(&key)?;
            Some(source.lines.location(file, source.text, offset, 1))
        })
    }

    /// Whether `address` is a Markdown link's address in the page's sources.
    pub fn markdown_link(&self, address: &str) -> bool {
        self.candidates()
            .any(|(_, source)| source.markdown_links.contains(address))
    }

    /// The page's own Markdown, then the data files.
    fn candidates(&self) -> impl Iterator<Item = (&Path, &SourceText<'_>)> {
        self.own.iter().map(|(file, source)| (*file, source)).chain(
            self.data
                .iter()
                .map(|(file, source)| (file.as_path(), source)),
        )
    }
}

fn data_files() -> impl Iterator<Item = PathBuf> {
    DATA_FILES.iter().map(|f| load::data_file_path(f))
}

fn markdown_links(text: &str) -> HashSet<&str> {
    let inline = text.match_indices("](").map(|(at, _)| &text[at + 2..]);
    let defined = text
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix('['))
        .filter_map(|line| Some(line.split_once("]:")?.1.trim_start()));
    inline
        .chain(defined)
        .map(|rest| match rest.strip_prefix('<') {
            Some(bracketed) => &bracketed[..bracketed.find('>').unwrap_or(0)],
            None => {
                let end = rest
                    .find(|c: char| c.is_whitespace() || c == ')')
                    .unwrap_or(rest.len());
                &rest[..end]
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
