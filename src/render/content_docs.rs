//! docs/content.md against the code: its table of the pages careersite makes must name each
//! page and file careersite makes for the bundled example school, and each address, place on a
//! page and introduction it names must be there when the example is built, so that the table
//! cannot drift from what is published.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use crate::output::Contents;
use crate::site::url_path_for;

use super::plan::Special;

const DOC: &str = "docs/content.md";
const TABLE: &str = "\n## The pages careersite makes\n";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// One row of the table: the addresses in its first column and the introductions in its last,
/// each as written in `` ` ``.
struct Row {
    addresses: Vec<String>,
    introductions: Vec<String>,
}

/// The rows of the doc's table of the pages careersite makes.
fn rows() -> Vec<Row> {
    let doc = std::fs::read_to_string(repo().join(DOC)).expect("docs/content.md can be read");
    let section = doc
        .split_once(TABLE)
        .map(|(_, after)| after)
        .expect("docs/content.md has a section \"The pages careersite makes\"");
    section
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        // The row of column names, and the line under it.
        .skip(2)
        .map(|line| {
            let cells: Vec<&str> = line.split('|').collect();
            let code = |cell: Option<&&str>| -> Vec<String> {
                cell.map(|cell| {
                    cell.split('`')
                        .skip(1)
                        .step_by(2)
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default()
            };
            Row {
                addresses: code(cells.get(1)),
                introductions: code(cells.get(cells.len().saturating_sub(2))),
            }
        })
        .collect()
}

/// The file an address in the table names, and the place on its page, if it names one:
/// `benchmarks/` is `benchmarks/index.html`.
fn file_of(address: &str) -> (String, Option<&str>) {
    let (address, place) = match address.split_once('#') {
        Some((address, place)) => (address, Some(place)),
        None => (address, None),
    };
    if address.ends_with('/') {
        (format!("{address}index.html"), place)
    } else {
        (address.to_string(), place)
    }
}

/// What the bundled example school builds to, its compliance checklist included: each file's
/// path and bytes, and the files careersite makes itself rather than from a Markdown page, a
/// file under `content/` or a file of the theme.
fn built_example() -> (HashMap<String, Vec<u8>>, BTreeSet<String>) {
    let root = repo();
    let mut site = crate::load::load(root).expect("the example loads").site;
    site.config.compliance_page = true;
    let theme = crate::theme::load(root, &site.config.theme).expect("the theme loads");
    let today = jiff::civil::date(2026, 11, 23);
    let prepared = super::prepare(&site, &theme, today).expect("the example prepares");
    let mut outputs = prepared.render_in_memory(&site, &theme);
    let checklist = prepared
        .compliance_page(&site, &theme, &[])
        .expect("the checklist renders");
    outputs.push(checklist);
    let files: HashMap<String, Vec<u8>> = outputs
        .into_iter()
        .map(|file| {
            let bytes = match file.contents {
                Contents::Bytes(bytes) => bytes,
                Contents::Copy(_) => Vec::new(),
            };
            (file.path, bytes)
        })
        .collect();
    // The school's own pages: a Markdown page, or a folder's listing, at an address careersite
    // has no page of its own for.
    let own: BTreeSet<String> = prepared
        .plan
        .targets
        .iter()
        .filter(|target| target.special.is_none() && !target.url_path.is_empty())
        .map(|target| target.output_file())
        .collect();
    // The school's own files, its pictures however many versions of each are drawn, and the
    // theme's files, at their names and their addresses for browsers to keep.
    let fingerprint = theme.fingerprint();
    let not_made: BTreeSet<String> = site
        .assets
        .iter()
        .map(|asset| asset.content_path.clone())
        .chain(site.images.iter().map(|image| image.content_path.clone()))
        .chain(theme.static_files.iter().flat_map(|file| {
            [
                file.name.clone(),
                super::urls::cached_theme_file(&fingerprint, &file.name),
            ]
        }))
        .collect();
    let a_version_of_a_picture = |path: &str| {
        site.images.iter().any(|image| {
            image
                .widths()
                .into_iter()
                .any(|width| image.published_at(super::urls::CACHED_DIR, width) == path)
        })
    };
    let made = files
        .keys()
        .filter(|path| {
            !own.contains(*path)
                && !not_made.contains(path.as_str())
                && !a_version_of_a_picture(path)
        })
        .cloned()
        .collect();
    (files, made)
}

#[test]
fn every_address_the_table_of_pages_names_is_in_the_built_example() {
    let (files, _) = built_example();
    let rows = rows();
    assert!(rows.len() > 10, "the table of pages in {DOC} was not found");
    let mut wrong = Vec::new();
    for row in &rows {
        assert!(
            !row.addresses.is_empty(),
            "a row of the table names no address"
        );
        for address in &row.addresses {
            let (file, place) = file_of(address);
            match (files.get(&file), place) {
                (None, _) => wrong.push(format!("  `{address}`: the example has no {file}")),
                (Some(page), Some(place)) => {
                    let id = format!("id=\"{place}\"");
                    if !String::from_utf8_lossy(page).contains(&id) {
                        wrong.push(format!("  `{address}`: {file} has no {id}"));
                    }
                }
                (Some(_), None) => {}
            }
        }
        let pages: Vec<String> = row
            .addresses
            .iter()
            .map(|address| file_of(address).0)
            .collect();
        for introduction in &row.introductions {
            let Some(content_path) = introduction.strip_prefix("content/") else {
                wrong.push(format!("  `{introduction}`: not a file under content/"));
                continue;
            };
            let (url_path, _) = url_path_for(content_path);
            let file = format!("{url_path}index.html");
            if !pages.contains(&file) {
                wrong.push(format!(
                    "  `{introduction}`: is published at {file}, not at the row's address"
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{DOC}'s table of the pages careersite makes does not match the built example:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_page_and_file_careersite_makes_is_in_the_table_of_pages() {
    let (_, made) = built_example();
    let documented: BTreeSet<String> = rows()
        .iter()
        .flat_map(|row| row.addresses.iter().map(|address| file_of(address).0))
        .collect();
    // The table gives the benchmarks' pages as `benchmarks/1/` to `benchmarks/8/`, and the
    // other test finds those two.
    let a_benchmarks_page = |path: &str| {
        crate::model::Benchmark::ALL
            .into_iter()
            .any(|b| path == Special::Benchmark(b).url_path() + "index.html")
    };
    let missing: Vec<&String> = made
        .iter()
        .filter(|path| !documented.contains(*path) && !a_benchmarks_page(path))
        .collect();
    assert!(
        missing.is_empty(),
        "{DOC}'s table of the pages careersite makes does not give these, which careersite \
         makes for the example school; add a row for each, with the data it is made from and \
         the file that introduces it: {missing:?}"
    );
}
