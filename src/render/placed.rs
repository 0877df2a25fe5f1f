//! The problems found in one Markdown text, each placed at its line. A text can hold thousands
//! of one mistake (a pasted list of broken links): the first hundred are listed, each placed
//! through an index of line starts rather than by counting lines from the top, and one more
//! line says how many others there are.

use std::cell::OnceCell;

use super::source::Source;
use crate::diagnostic::{Diagnostic, LineStarts, Location};

/// How many problems in one text are listed.
const LISTED: usize = 100;

pub struct Placed<'s, 'a> {
    source: &'s Source<'a>,
    line_starts: OnceCell<LineStarts>,
    list: Vec<Diagnostic>,
    unlisted: usize,
}

impl<'s, 'a> Placed<'s, 'a> {
    pub fn new(source: &'s Source<'a>) -> Self {
        Placed {
            source,
            line_starts: OnceCell::new(),
            list: Vec::new(),
            unlisted: 0,
        }
    }

    /// Adds the problem `make` describes, at byte `offset` of the text; it is made only if it
    /// will be listed.
    pub fn add(&mut self, offset: usize, make: impl FnOnce() -> Diagnostic) {
        if self.list.len() >= LISTED {
            self.unlisted += 1;
            return;
        }
        let placed = self.place(make(), offset);
        self.list.push(placed);
    }

    pub fn into_list(mut self) -> Vec<Diagnostic> {
        if self.unlisted > 0 {
            self.list.push(
                Diagnostic::warning(format!(
                    "and {} more problems like those above in this text, not listed",
                    self.unlisted
                ))
                .in_file(self.source.file)
                .with_help("put right the ones listed, and build again to see the rest"),
            );
        }
        self.list
    }

    fn place(&self, diagnostic: Diagnostic, offset: usize) -> Diagnostic {
        let source = self.source;
        if let Some(line) = source.first_line {
            let starts = self
                .line_starts
                .get_or_init(|| LineStarts::new(source.text));
            return diagnostic.at(starts.location(source.file, source.text, offset, line));
        }
        // Text from a YAML field: find the rest of its line in the file it came from.
        let rest_of_line = source
            .text
            .get(offset..)
            .and_then(|rest| rest.lines().next())
            .map(str::trim_end)
            .filter(|rest| !rest.is_empty());
        let found = source
            .file_text
            .zip(rest_of_line)
            .and_then(|(file_text, rest)| Some((file_text, file_text.find(rest)?)));
        match found {
            Some((file_text, at)) => {
                diagnostic.at(Location::at_offset(source.file, file_text, at, 1))
            }
            None => diagnostic.in_file(source.file),
        }
    }
}
