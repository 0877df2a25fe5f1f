//! Changing one part of a data file as text. An import owns one part of a file (the DfE's
//! destination years, the events a calendar brought in); rewriting the whole file from its
//! values would drop the careers leader's comments, blank lines and spellings everywhere else.
//! So the part is found in the text, by its indentation, and only its lines are replaced.
//!
//! Only block style is placed (`key:` then one `- item` a line), which is how careersite's
//! examples and docs write lists. The caller reads the edited text back with the real parser
//! before writing it, so a layout this reader misjudged can never reach the file.

use std::ops::Range;

/// One line of a file: where it is, how far it is indented and what kind of line it is.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    /// From its first byte to just past its line break.
    span: (usize, usize),
    indent: usize,
    /// Without the indentation or the line break.
    content: &'a str,
}

impl Line<'_> {
    fn is_blank(&self) -> bool {
        self.content.trim().is_empty()
    }

    fn is_comment(&self) -> bool {
        self.content.starts_with('#')
    }

    /// A line that holds part of a value, rather than a blank line or a comment.
    fn holds_value(&self) -> bool {
        !self.is_blank() && !self.is_comment()
    }

    /// Whether the line starts a list item: `- ...` or a lone `-`.
    fn is_item(&self) -> bool {
        self.content == "-" || self.content.starts_with("- ")
    }

    /// The value after `key:` on this line, if the line is that key.
    fn value_of(&self, key: &str) -> Option<&str> {
        content_value_of(self.content, key)
    }
}

/// The text of a data file, split into lines for finding its parts.
pub struct Text<'a> {
    text: &'a str,
    lines: Vec<Line<'a>>,
}

/// A list under a key, as it stands in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    /// The line of its key, from 1.
    pub line: usize,
    /// Each item's text, with the comments and blank lines just above it.
    pub items: Vec<Range<usize>>,
    /// How far its `-` are indented: new items go in at the same place.
    pub indent: usize,
    /// Where a new item is added: just past the last line of the list.
    pub end: usize,
    /// The ` []` (or ` ~`) of a list written empty on its key's line, which a first item
    /// replaces.
    pub empty_value: Option<Range<usize>>,
}

/// Why a part of a file cannot be edited as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaceable {
    /// The line, from 1.
    pub line: usize,
    pub message: String,
    pub help: String,
}

impl<'a> Text<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut lines = Vec::new();
        let mut start = 0;
        for raw in text.split_inclusive('\n') {
            let body = raw.trim_end_matches(['\n', '\r']);
            let content = body.trim_start_matches(' ');
            lines.push(Line {
                span: (start, start + raw.len()),
                indent: body.len() - content.len(),
                content,
            });
            start += raw.len();
        }
        Text { text, lines }
    }

    /// The list under the top-level `key`, or `None` when the file has no such key.
    pub fn top_level_list(&self, key: &str) -> Result<Option<List>, Unplaceable> {
        let Some(at) = self
            .lines
            .iter()
            .position(|line| line.indent == 0 && line.value_of(key).is_some())
        else {
            return Ok(None);
        };
        let end = self.lines[at + 1..]
            .iter()
            .position(|line| line.indent == 0 && line.holds_value() && !line.is_item())
            .map_or(self.lines.len(), |n| at + 1 + n);
        self.list_at(at, end, key).map(Some)
    }

    /// The list under `key` in the mapping that is the list item `item`: a benchmark's
    /// `requirements:`. `None` when the item has no such key.
    pub fn list_in_item(
        &self,
        item: &Range<usize>,
        key: &str,
    ) -> Result<Option<List>, Unplaceable> {
        let lines: Vec<usize> = (0..self.lines.len())
            .filter(|&n| {
                let (start, end) = self.lines[n].span;
                start >= item.start && end <= item.end
            })
            .collect();
        let Some(&dash) = lines.iter().find(|&&n| self.lines[n].is_item()) else {
            return Ok(None);
        };
        // The item's keys line up with the first, which follows its `- `.
        let first = &self.lines[dash];
        let after_dash = first.content[1..].len() - first.content[1..].trim_start().len();
        let indent = first.indent + 1 + after_dash;
        let key_at = |n: usize| {
            let line = &self.lines[n];
            if n == dash {
                let rest = first.content[1..].trim_start();
                (!rest.is_empty()).then_some(rest)
            } else {
                (line.indent == indent).then_some(line.content)
            }
        };
        let Some(&at) = lines
            .iter()
            .find(|&&n| key_at(n).is_some_and(|content| content_value_of(content, key).is_some()))
        else {
            return Ok(None);
        };
        let last = *lines.last().expect("the item has its dash line");
        let end = lines
            .iter()
            .copied()
            .filter(|&n| n > at)
            .find(|&n| {
                let line = &self.lines[n];
                line.holds_value()
                    && line.indent <= indent
                    && !(line.indent == indent && line.is_item())
            })
            .unwrap_or(last + 1);
        self.list_at(at, end, key).map(Some)
    }

    /// The list whose key is on line index `at`, its lines running up to line index `end`.
    fn list_at(&self, at: usize, end: usize, key: &str) -> Result<List, Unplaceable> {
        let key_line = &self.lines[at];
        let inline = key_line
            .value_of(key)
            .or_else(|| content_value_of(key_line.content.trim_start_matches(['-', ' ']), key))
            .unwrap_or("");
        let value = match inline.find('#') {
            Some(0) => "",
            _ => inline.split(" #").next().unwrap_or("").trim(),
        };
        let empty_value = match value {
            "" => None,
            // An empty list, or nothing, written out: a first item takes its place.
            "[]" | "~" | "null" => {
                let (start, line_end) = key_line.span;
                let line = &self.text[start..line_end];
                let after_key = line
                    .find(&format!("{key}:"))
                    .map_or(0, |i| i + key.len() + 1);
                line[after_key..]
                    .find(value)
                    .map(|i| start + after_key..start + after_key + i + value.len())
            }
            _ => {
                return Err(Unplaceable {
                    line: at + 1,
                    message: format!("`{key}:` is written on one line, in brackets"),
                    help: format!(
                        "write each item of `{key}:` on its own lines, starting `- `, as docs/content.md shows; careersite then adds to it"
                    ),
                });
            }
        };
        // The last line that belongs to the list: comments flush left after it belong to
        // whatever follows.
        let last = (at + 1..end)
            .rev()
            .find(|&n| {
                let line = &self.lines[n];
                line.holds_value() || (line.is_comment() && line.indent > 0)
            })
            .unwrap_or(at);
        let body = at + 1..last + 1;
        let indent = body
            .clone()
            .map(|n| &self.lines[n])
            .find(|line| line.holds_value())
            .map(|line| line.indent);
        let mut starts = Vec::new();
        if let Some(indent) = indent {
            for n in body.clone() {
                let line = &self.lines[n];
                if !line.holds_value() || line.indent > indent {
                    continue;
                }
                if line.indent < indent || !line.is_item() {
                    return Err(Unplaceable {
                        line: n + 1,
                        message: format!(
                            "careersite cannot tell where this line belongs in `{key}:`"
                        ),
                        help: format!(
                            "line each item of `{key}:` up under the first one, each starting `- `"
                        ),
                    });
                }
                // Comments and blank lines just above an item go with it; a deeper `#` line is
                // text in the item above (a hashtag in a block of text), not a comment.
                let mut first = n;
                while first > body.start {
                    let above = &self.lines[first - 1];
                    if !(above.is_blank() || (above.is_comment() && above.indent <= indent)) {
                        break;
                    }
                    first -= 1;
                }
                starts.push(first);
            }
        }
        let end_byte = self
            .lines
            .get(last)
            .map_or(self.text.len(), |line| line.span.1);
        let items = starts
            .iter()
            .enumerate()
            .map(|(i, &first)| {
                let stop = starts
                    .get(i + 1)
                    .map_or(end_byte, |&next| self.lines[next].span.0);
                self.lines[first].span.0..stop
            })
            .collect();
        Ok(List {
            line: at + 1,
            items,
            indent: indent.unwrap_or(key_line.indent + 2),
            end: end_byte,
            empty_value,
        })
    }
}

/// The value after `key:` in `content`, if `content` starts with that key.
fn content_value_of<'t>(content: &'t str, key: &str) -> Option<&'t str> {
    let rest = content.strip_prefix(key)?.strip_prefix(':')?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then(|| rest.trim())
}

/// Replacements of parts of a text, made all at once.
#[derive(Debug, Default)]
pub struct Edits {
    changes: Vec<(Range<usize>, String)>,
}

impl Edits {
    pub fn replace(&mut self, range: Range<usize>, with: String) {
        self.changes.push((range, with));
    }

    pub fn insert(&mut self, at: usize, text: String) {
        self.changes.push((at..at, text));
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// `text` with every replacement made. Insertions at one place keep the order they were
    /// given in.
    pub fn apply(mut self, text: &str) -> String {
        self.changes
            .sort_by_key(|(range, _)| (range.start, range.end));
        let mut out = String::with_capacity(text.len());
        let mut done = 0;
        for (range, with) in self.changes {
            out.push_str(&text[done..range.start.max(done)]);
            out.push_str(&with);
            done = done.max(range.end);
        }
        out.push_str(&text[done..]);
        out
    }
}

/// `value` as it follows `key: ` in a file, for a key indented `indent` spaces: plain where
/// that reads back as the same text, quoted where it would not, and a `|` block, indented
/// under its key, for text of several lines.
pub fn scalar(value: &str, indent: usize) -> String {
    let written = serde_yaml::to_string(value).unwrap_or_else(|_| super::quoted(value));
    let written = written.trim_end_matches('\n');
    // Single quotes double an apostrophe (`'school''s'`), which reads as a mistake.
    if written.starts_with('\'') && value.contains('\'') {
        return super::quoted(value);
    }
    if !written.starts_with('|') {
        return written.to_string();
    }
    let pad = " ".repeat(indent);
    let mut lines = written.lines();
    let mut out = lines.next().unwrap_or("|").to_string();
    for line in lines {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
    }
    out
}

/// Writes one mapping as a list item, field by field, at the indentation of its list.
pub struct Item {
    text: String,
    indent: usize,
}

impl Item {
    /// An item of a list whose `-` are indented `indent` spaces.
    pub fn new(indent: usize) -> Self {
        Item {
            text: String::new(),
            indent,
        }
    }

    fn key(&mut self, key: &str) {
        if self.text.is_empty() {
            self.text.push_str(&" ".repeat(self.indent));
            self.text.push_str("- ");
        } else {
            self.text.push_str(&" ".repeat(self.indent + 2));
        }
        self.text.push_str(key);
        self.text.push(':');
    }

    /// `key: value`, the value written as text.
    pub fn text(&mut self, key: &str, value: &str) -> &mut Self {
        self.key(key);
        self.text.push(' ');
        self.text.push_str(&scalar(value, self.indent + 2));
        self.text.push('\n');
        self
    }

    /// `key: value`, the value written as it is: a number, or a word careersite reads.
    pub fn word(&mut self, key: &str, value: impl std::fmt::Display) -> &mut Self {
        self.key(key);
        self.text.push_str(&format!(" {value}\n"));
        self
    }

    /// `key: [a, b]`, for short lists of numbers and words, written as they are.
    pub fn words(&mut self, key: &str, values: &[String]) -> &mut Self {
        self.key(key);
        self.text.push_str(&format!(" [{}]\n", values.join(", ")));
        self
    }

    /// `key:` followed by one line for each of `entries`, already written (`name: value`).
    pub fn nested(&mut self, key: &str, entries: &[String]) -> &mut Self {
        self.key(key);
        self.text.push('\n');
        for entry in entries {
            self.text.push_str(&" ".repeat(self.indent + 4));
            self.text.push_str(entry);
            self.text.push('\n');
        }
        self
    }

    /// `key:` followed by the text of a list already written at [`Item::inner_indent`].
    pub fn list(&mut self, key: &str, items: &str) -> &mut Self {
        self.key(key);
        self.text.push('\n');
        self.text.push_str(items);
        self
    }

    /// The indentation a list nested in this item takes: two in from its keys, as the
    /// examples write lists.
    pub fn inner_indent(&self) -> usize {
        self.indent + 4
    }

    pub fn finish(self) -> String {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVALUATION: &str = "\
# How we evaluate. Keep this comment.

compass:
  - date: 2025-12-05
    scores: {1: 90}

destinations:
  # The newest first.
  - year: 2026
    leaving: Year 11
    cohort: 10
    routes:
      neet: 10

  - year: 2025   # a comment on the line
    leaving: Year 11
    cohort: 8
    routes: {neet: 8}
# Heading of what follows, flush left.
feedback: []
";

    #[test]
    fn a_top_level_list_is_found_item_by_item_with_the_comments_above_each() {
        let text = Text::new(EVALUATION);
        let list = text.top_level_list("destinations").unwrap().unwrap();
        assert_eq!(list.line, 7);
        assert_eq!(list.indent, 2);
        assert_eq!(list.items.len(), 2);
        assert!(
            EVALUATION[list.items[0].clone()].starts_with("  # The newest first.\n  - year: 2026")
        );
        assert!(EVALUATION[list.items[1].clone()].starts_with("\n  - year: 2025"));
        assert!(EVALUATION[list.end..].starts_with("# Heading of what follows"));
        assert_eq!(list.empty_value, None);
    }

    #[test]
    fn a_key_that_is_not_there_is_none_and_an_empty_list_in_brackets_can_be_filled() {
        let text = Text::new(EVALUATION);
        assert_eq!(text.top_level_list("events").unwrap(), None);
        let feedback = text.top_level_list("feedback").unwrap().unwrap();
        assert!(feedback.items.is_empty());
        assert_eq!(&EVALUATION[feedback.empty_value.unwrap()], " []");
        for written in [
            "events: []  # none yet\n",
            "events: # none yet\n",
            "events: ~\n",
        ] {
            let list = Text::new(written)
                .top_level_list("events")
                .unwrap()
                .unwrap();
            assert!(list.items.is_empty(), "{written:?}");
        }
    }

    #[test]
    fn a_list_in_brackets_with_items_is_refused_with_its_line() {
        let text = Text::new("events: [{title: Fair}]\n");
        let refused = text.top_level_list("events").unwrap_err();
        assert_eq!(refused.line, 1);
        assert!(refused.help.contains("- "), "{}", refused.help);
    }

    #[test]
    fn a_list_may_start_flush_with_its_key() {
        let text = Text::new(
            "events:\n- title: A\n  start: 2027-01-01\n- title: B\n  start: 2027-01-02\nother: 1\n",
        );
        let list = text.top_level_list("events").unwrap().unwrap();
        assert_eq!(list.indent, 0);
        assert_eq!(list.items.len(), 2);
    }

    #[test]
    fn block_text_in_an_item_is_part_of_it_however_it_is_indented() {
        let source = "events:\n  - title: A\n    description: |\n      - not an item\n\n      still text\n  - title: B\n";
        let text = Text::new(source);
        let list = text.top_level_list("events").unwrap().unwrap();
        assert_eq!(list.items.len(), 2);
        assert!(source[list.items[0].clone()].contains("still text"));
    }

    #[test]
    fn a_hashtag_line_in_a_block_of_text_stays_with_its_item() {
        let source = "events:\n  - title: A\n    description: |\n      Careers week.\n      #NCW2026\n  - title: B\n";
        let list = Text::new(source).top_level_list("events").unwrap().unwrap();
        assert!(source[list.items[0].clone()].ends_with("#NCW2026\n"));
        assert!(source[list.items[1].clone()].starts_with("  - title: B"));
    }

    #[test]
    fn a_list_inside_an_item_is_found_under_its_key() {
        let source = "benchmarks:\n  - benchmark: 1\n    statement: Hi\n    requirements:\n      - requirement: A\n        progress: green\n      - requirement: B\n    notes: after\n  - benchmark: 2\n";
        let text = Text::new(source);
        let outer = text.top_level_list("benchmarks").unwrap().unwrap();
        let inner = text
            .list_in_item(&outer.items[0], "requirements")
            .unwrap()
            .unwrap();
        assert_eq!(inner.indent, 6);
        assert_eq!(inner.items.len(), 2);
        assert!(source[inner.end..].starts_with("    notes: after"));
        assert_eq!(
            text.list_in_item(&outer.items[1], "requirements").unwrap(),
            None
        );
    }

    #[test]
    fn edits_replace_and_insert_leaving_the_rest_byte_for_byte() {
        let mut edits = Edits::default();
        edits.replace(2..4, "XY".into());
        edits.insert(6, "!".into());
        assert_eq!(edits.apply("abcdefgh"), "abXYef!gh");
    }

    #[test]
    fn values_are_written_so_that_they_read_back_as_the_same_text() {
        assert_eq!(scalar("Main hall", 4), "Main hall");
        assert_eq!(scalar("Time: 6pm", 4), "'Time: 6pm'");
        assert_eq!(scalar("123", 4), "'123'");
        assert_eq!(
            scalar("Is on the school's website:", 4),
            "\"Is on the school's website:\""
        );
        assert_eq!(scalar("one\ntwo", 4), "|-\n      one\n      two");
        let mut item = Item::new(2);
        item.text("title", "Fair")
            .word("cohort", 12)
            .words("benchmarks", &["5".into(), "7".into()]);
        assert_eq!(
            item.finish(),
            "  - title: Fair\n    cohort: 12\n    benchmarks: [5, 7]\n"
        );
    }
}
