//! Placing imported records in a data file's list: each replaces the item it matches, only if
//! it differs, or goes in where it belongs in the list's order. Everything else stays as written.

use super::{DataFile, Summary};
use crate::diagnostic::Diagnostics;
use crate::yaml::edit::{Edits, List, Text, Unplaceable};

/// A record an import writes as one item of a list, and reads back from the model to compare.
pub trait Record: PartialEq {
    /// As the summary names it: "Year 11 leavers of 2023", "Careers fair, 18 March 2027".
    fn name(&self) -> String;
    /// The item's text, its `-` indented `indent` spaces.
    fn item(&self, indent: usize) -> String;
    /// Whether `self`, already in the file, is the same thing as `imported`.
    fn matches(&self, imported: &Self) -> bool;
    /// Why `self`, in the file, may not be replaced by `imported`, which it matches.
    fn keeps_out(&self, _imported: &Self) -> Option<String> {
        None
    }
    /// Whether `self`, in the file, is of the kind the import owns (and so is reported as left
    /// alone when the import does not mention it).
    fn owned_by(&self, imported: &Self) -> bool;
    /// Whether `self`, being added, goes before `other`, in the file, in the list's order.
    fn goes_before(&self, other: &Self) -> bool;
}

/// The edited text, and the items of the list that the import left as they were.
pub struct Placed {
    pub text: String,
    /// By their place in the list as read.
    pub untouched: Vec<usize>,
}

/// The text of `data` with `imported` placed in the list under the top-level `key`. `existing`
/// is the list as the model read it, item by item. An item the import owns that matches none of
/// `imported` is removed if `withdrawn` gives a reason (an event cancelled in the calendar
/// since it was imported), and left alone otherwise.
pub fn place<R: Record>(
    data: &DataFile,
    key: &str,
    existing: &[R],
    imported: &[R],
    withdrawn: &dyn Fn(&R) -> Option<String>,
    summary: &mut Summary,
) -> Result<Placed, Diagnostics> {
    let text = Text::new(&data.text);
    let mut edits = Edits::default();
    let Some(list) = list_of(data, &text, key, existing.len())? else {
        if !imported.is_empty() {
            let items: String = imported.iter().map(|record| record.item(2)).collect();
            summary.added.extend(imported.iter().map(Record::name));
            edits.insert(data.text.len(), new_list(data, key, &items));
        }
        return Ok(Placed {
            text: edits.apply(&data.text),
            untouched: Vec::new(),
        });
    };
    if let Some(empty) = list.empty_value.clone()
        && !imported.is_empty()
    {
        edits.replace(empty, String::new());
    }
    let mut untouched: Vec<usize> = (0..existing.len()).collect();
    for record in imported {
        match existing.iter().position(|old| old.matches(record)) {
            Some(at) => {
                let old = &existing[at];
                if let Some(reason) = old.keeps_out(record) {
                    summary
                        .left_out
                        .push(format!("{}: {reason}", record.name()));
                } else if old == record {
                    summary.unchanged.push(record.name());
                } else {
                    replace(data, &list, at, record, &mut edits);
                    untouched.retain(|&i| i != at);
                    summary.changed.push(record.name());
                }
            }
            None => {
                add(data, &list, existing, record, &mut edits);
                summary.added.push(record.name());
            }
        }
    }
    let mut removed = Vec::new();
    if let Some(sample) = imported.first().or(existing.first()) {
        for (at, old) in existing.iter().enumerate() {
            if !old.owned_by(sample) || imported.iter().any(|record| old.matches(record)) {
                continue;
            }
            match withdrawn(old) {
                Some(reason) => {
                    edits.replace(list.items[at].clone(), String::new());
                    untouched.retain(|&i| i != at);
                    removed.push(at);
                    summary.removed.push(format!("{}: {reason}", old.name()));
                }
                None => summary.left_alone.push(old.name()),
            }
        }
    }
    // The list's new first item loses the blank line that set it off from the one before.
    if removed.first() == Some(&0)
        && let Some(first) = (0..existing.len()).find(|at| !removed.contains(at))
        && data.text[list.items[first].clone()].starts_with('\n')
        && !data.text[list.items[0].clone()].starts_with('\n')
    {
        let start = list.items[first].start;
        edits.replace(start..start + 1, String::new());
    }
    Ok(Placed {
        text: edits.apply(&data.text),
        untouched,
    })
}

/// Whether every record of `imported` is in `read` (the list read back from the edited text),
/// or was kept out by the item it matches there.
pub fn all_placed<R: Record>(read: &[R], imported: &[R]) -> bool {
    imported.iter().all(|record| {
        read.iter().any(|there| {
            there == record || (there.matches(record) && there.keeps_out(record).is_some())
        })
    })
}

/// The list under the top-level `key` in `text` (the text of `data`), which the model read as
/// `items` items; `None` if the file has no such key.
pub fn list_of(
    data: &DataFile,
    text: &Text,
    key: &str,
    items: usize,
) -> Result<Option<List>, Diagnostics> {
    let Some(list) = text.top_level_list(key).map_err(|u| data.unplaceable(u))? else {
        return Ok(None);
    };
    if list.items.len() != items {
        return Err(data.unplaceable(Unplaceable {
            line: list.line,
            message: format!("careersite cannot tell the items under `{key}:` apart in the text"),
            help: format!(
                "start each item of `{key}:` with `- `, one under another, as docs/content.md shows"
            ),
        }));
    }
    Ok(Some(list))
}

/// The text that adds a list under `key`, of the items already written, at the end of `data`,
/// for a file that has none yet.
pub fn new_list(data: &DataFile, key: &str, items: &str) -> String {
    let mut added = String::new();
    if !data.text.is_empty() && !data.text.ends_with('\n') {
        added.push('\n');
    }
    if !data.text.trim().is_empty() {
        added.push('\n');
    }
    added.push_str(key);
    added.push_str(":\n");
    added.push_str(items);
    added
}

/// Replaces item `at` from its `-` on: the comments above it stay.
fn replace<R: Record>(data: &DataFile, list: &List, at: usize, record: &R, edits: &mut Edits) {
    let item = list.items[at].clone();
    let mut offset = item.start;
    let mut dash = item.start;
    for line in data.text[item.clone()].split_inclusive('\n') {
        if line.trim_start().starts_with('-') {
            dash = offset;
            break;
        }
        offset += line.len();
    }
    edits.replace(dash..item.end, record.item(list.indent));
}

/// Adds `record` before the first item it goes before, or at the end; with a blank line
/// before it if the list's items are spaced out.
fn add<R: Record>(data: &DataFile, list: &List, existing: &[R], record: &R, edits: &mut Edits) {
    let at = existing
        .iter()
        .position(|old| record.goes_before(old))
        .map_or(list.end, |at| list.items[at].start);
    let spaced = list
        .items
        .iter()
        .any(|item| data.text[item.clone()].starts_with('\n'));
    let mut with = String::new();
    if at > 0 && !data.text[..at].ends_with('\n') {
        with.push('\n');
    }
    // The blank line goes between the new item and its neighbour: before it, unless the item
    // it goes in front of follows its key directly.
    let blank_after = spaced && at < list.end && !data.text[at..].starts_with('\n');
    if spaced && !blank_after {
        with.push('\n');
    }
    with.push_str(&record.item(list.indent));
    if blank_after {
        with.push('\n');
    }
    edits.insert(at, with);
}
