//! Reading a CSV file as spreadsheets save it (a byte-order mark, Windows line endings, quoted
//! commas and line breaks), a row at a time so that a national file of many megabytes is never
//! held whole, with each row's line in the file for messages.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::diagnostic::{Diagnostic, Location};

/// A CSV file being read, row by row.
pub struct Table {
    shown: PathBuf,
    reader: csv::Reader<LineCounter<Box<dyn Read>>>,
    newlines: Rc<RefCell<Newlines>>,
    headers: Vec<String>,
}

/// One row, with the line it starts on.
#[derive(Debug)]
pub struct Row {
    pub line: usize,
    cells: csv::StringRecord,
}

impl Table {
    /// Opens `path` (named `shown` in messages) and reads its header row.
    pub fn open(path: &Path, shown: &Path) -> Result<Self, Diagnostic> {
        let file = std::fs::File::open(path).map_err(|err| Diagnostic::io("read", shown, &err))?;
        Self::from_reader(Box::new(std::io::BufReader::new(file)), shown)
    }

    fn from_reader(read: Box<dyn Read>, shown: &Path) -> Result<Self, Diagnostic> {
        let newlines = Rc::new(RefCell::new(Newlines::default()));
        let counter = LineCounter {
            inner: read,
            read_so_far: 0,
            newlines: Rc::clone(&newlines),
        };
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(counter);
        let headers = reader
            .headers()
            .map_err(|err| unreadable(shown, &err))?
            .iter()
            .map(|header| header.trim().to_string())
            .collect();
        Ok(Table {
            shown: shown.to_path_buf(),
            reader,
            newlines,
            headers,
        })
    }

    /// The headers, as written (less surrounding spaces).
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The position of the column headed `name`, matched whatever its case.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.headers
            .iter()
            .position(|header| header.eq_ignore_ascii_case(name))
    }

    /// The file, as messages name it.
    pub fn shown(&self) -> &Path {
        &self.shown
    }

    /// The next row that is not blank, `None` at the end of the file.
    pub fn next_row(&mut self) -> Result<Option<Row>, Diagnostic> {
        let mut cells = csv::StringRecord::new();
        loop {
            let more = self
                .reader
                .read_record(&mut cells)
                .map_err(|err| unreadable(&self.shown, &err))?;
            if !more {
                return self.closed();
            }
            if cells.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            let byte = cells.position().map_or(0, |position| position.byte());
            let line = self.newlines.borrow_mut().line_at(byte);
            return Ok(Some(Row {
                line,
                cells: cells.clone(),
            }));
        }
    }

    /// The end of the file, if every quoted cell in it was closed.
    fn closed(&self) -> Result<Option<Row>, Diagnostic> {
        if self.newlines.borrow().quotes.is_multiple_of(2) {
            return Ok(None);
        }
        Err(Diagnostic::error(
            "a cell starts with a quotation mark (\") that is never closed, so the rest of the file would be read as part of it",
        )
        .in_file(&self.shown)
        .with_help("close the quotation, or save the file again from the spreadsheet as CSV"))
    }

    /// A problem with one cell of `row`, naming the file, the line and the column's header.
    pub fn problem(&self, row: &Row, column: usize, message: String, help: String) -> Diagnostic {
        let header = self.headers.get(column).map_or("", String::as_str);
        Diagnostic::error(format!("column \"{header}\": {message}"))
            .at(Location {
                file: self.shown.clone(),
                line: row.line,
                column: column + 1,
                source_line: None,
            })
            .with_help(help)
    }

    /// A problem with `row` as a whole.
    pub fn row_problem(&self, row: &Row, message: String, help: String) -> Diagnostic {
        Diagnostic::error(message)
            .at(Location {
                file: self.shown.clone(),
                line: row.line,
                column: 1,
                source_line: None,
            })
            .with_help(help)
    }
}

impl Row {
    /// The cell in `column`, trimmed; empty when the row stops short of it.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).unwrap_or("").trim()
    }

    /// The cell in `column`, if the table has that column.
    pub fn cell_in(&self, column: Option<usize>) -> &str {
        column.map_or("", |column| self.cell(column))
    }
}

/// A CSV file as Excel opens it well: a byte-order mark, so that accents read as UTF-8, and
/// Windows line endings.
pub fn spreadsheet(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let written = writer
        .write_record(headers)
        .and_then(|()| rows.iter().try_for_each(|row| writer.write_record(row)));
    let bytes = written
        .map_err(|err| err.to_string())
        .and_then(|()| writer.into_inner().map_err(|err| err.to_string()))
        .expect("writing CSV into memory cannot fail");
    format!(
        "\u{feff}{}",
        String::from_utf8(bytes).expect("the cells are text")
    )
}

/// The columns named `wanted`, in that order, or a problem listing those missing.
pub fn columns(table: &Table, wanted: &[&str]) -> Result<Vec<usize>, Diagnostic> {
    let missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|name| table.column(name).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(Diagnostic::error(format!(
            "{} has no column {}",
            table.shown().display(),
            missing
                .iter()
                .map(|name| format!("\"{name}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .with_help(match other_separator(table) {
            Some(separator) => format!(
                "its columns are separated by {separator}, not commas: save it from your spreadsheet as \"CSV UTF-8 (comma delimited)\", then import it again"
            ),
            None => format!(
                "keep the first row as careersite exported it: {}",
                wanted.join(",")
            ),
        }));
    }
    Ok(wanted
        .iter()
        .filter_map(|name| table.column(name))
        .collect())
}

/// What separates the columns, when a file read as one column looks separated by something
/// else: Excel saves "CSV" with semicolons where the comma is the decimal point, and "Text"
/// with tabs.
fn other_separator(table: &Table) -> Option<&'static str> {
    let [only] = table.headers() else {
        return None;
    };
    [(';', "semicolons"), ('\t', "tabs")]
        .into_iter()
        .find(|(separator, _)| only.contains(*separator))
        .map(|(_, name)| name)
}

fn unreadable(shown: &Path, err: &csv::Error) -> Diagnostic {
    let line = err.position().map(|position| position.line() as usize);
    let message = match err.kind() {
        csv::ErrorKind::Utf8 { .. } => "this file is not UTF-8 text".to_string(),
        csv::ErrorKind::Io(err) => format!("careersite could not read this file: {err}"),
        _ => format!("careersite could not read this file as CSV: {err}"),
    };
    let diagnostic = Diagnostic::error(message).in_file(shown).with_help(
        "save it from your spreadsheet as \"CSV UTF-8 (comma delimited)\", then import it again",
    );
    match line {
        Some(line) => diagnostic.at(Location {
            file: shown.to_path_buf(),
            line: line.max(1),
            column: 1,
            source_line: None,
        }),
        None => diagnostic,
    }
}

/// Where the line-ending bytes are in the part of the file read but not yet placed.
#[derive(Default)]
struct Newlines {
    /// How many `"` have been read: an odd number at the end means a quoted cell never closed,
    /// which the CSV reader takes to run to the end of the file.
    quotes: usize,
    /// Bytes since the last line break: a "line" of many megabytes is not a spreadsheet.
    line_length: usize,
    /// Line breaks already behind the rows placed so far.
    passed: usize,
    /// The offset of each `\r` and `\n` read ahead of them, and whether it is a `\n`.
    ahead: VecDeque<(u64, bool)>,
}

impl Newlines {
    /// The line (from 1) of the row the CSV reader says starts at byte `at`. The reader may
    /// place a row at the line endings before it (the `\n` of a Windows line ending, or blank
    /// lines), so those are stepped over to the row's first character.
    fn line_at(&mut self, at: u64) -> usize {
        let mut start = at;
        while let Some(&(offset, newline)) = self.ahead.front() {
            if offset > start {
                break;
            }
            if offset == start {
                start += 1;
            }
            self.passed += usize::from(newline);
            self.ahead.pop_front();
        }
        self.passed + 1
    }
}

/// Far longer than any row of a school's or the DfE's spreadsheet.
const LONGEST_LINE: usize = 1_048_576;

/// Notes the offset of every line-ending byte as the CSV reader reads on. The CSV reader's own
/// line count is one short after Windows line endings.
struct LineCounter<R> {
    inner: R,
    read_so_far: u64,
    newlines: Rc<RefCell<Newlines>>,
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let count = self.inner.read(buffer)?;
        let mut newlines = self.newlines.borrow_mut();
        for (i, byte) in buffer[..count].iter().enumerate() {
            match byte {
                b'\n' | b'\r' => {
                    let offset = self.read_so_far + i as u64;
                    newlines.ahead.push_back((offset, *byte == b'\n'));
                    newlines.line_length = 0;
                }
                b'"' => newlines.quotes += 1,
                _ => newlines.line_length += 1,
            }
        }
        if newlines.line_length > LONGEST_LINE {
            return Err(std::io::Error::other(format!(
                "a line is longer than {} MB, which no spreadsheet's is",
                LONGEST_LINE / 1_048_576
            )));
        }
        self.read_so_far += count as u64;
        Ok(count)
    }
}

#[cfg(test)]
impl Table {
    /// A table of `bytes`, named `shown` in messages, read without a file.
    pub(crate) fn from_bytes(bytes: &[u8], shown: &str) -> Result<Self, Diagnostic> {
        Self::from_reader(
            Box::new(std::io::Cursor::new(bytes.to_vec())),
            Path::new(shown),
        )
    }
}

/// A spreadsheet without its byte-order mark and with `\n` line endings, to read in
/// assertions.
#[cfg(test)]
pub(crate) fn plain(csv: &str) -> String {
    csv.trim_start_matches('\u{feff}').replace("\r\n", "\n")
}

/// Each problem as careersite prints it, to read in assertions.
#[cfg(test)]
pub(crate) fn messages(problems: &[Diagnostic]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

/// `count` spreadsheets made at random, for tests that no input makes an import panic and
/// that what an import reads comes back as read. Most start with `header`; most cells are one
/// of the values of their column in `columns` or a text that YAML treats specially, quoted as
/// CSV quotes, so that many rows are read and written; the rest are bare pieces of CSV syntax.
#[cfg(test)]
pub(crate) fn scrambled(header: &str, columns: &[&[&str]], count: usize) -> Vec<Vec<u8>> {
    const TEXTS: &[&str] = &[
        "Pupils",
        "Aimed at:",
        "St Mary's \"Lower\" School",
        "- not a list",
        "# not a comment",
        "a: b",
        "null",
        "~",
        "yes",
        "007",
        "1e3",
        "---",
        "&anchor",
        "*alias",
        "!tag",
        "%",
        "@",
        "{braces}",
        "[brackets]",
        "|",
        ">",
        "Café ✓",
        "two\nlines",
        "two\r\nlines",
        "trailing \n",
        "\u{feff}mark",
        "tab\there",
        "bell\u{7}",
        "line\u{2028}separator",
        "back\\slash",
        "",
    ];
    const SYNTAX: &[&[u8]] = &[
        b",",
        b"\"",
        b"\"\"",
        b"\r\n",
        b"\n",
        b"\r",
        b" ",
        b"\t",
        b"\xff",
        b"\xef\xbb\xbf",
    ];
    // A fixed sequence (xorshift), so that a failure is found again on every run.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    };
    let mut spreadsheets = Vec::with_capacity(count);
    for _ in 0..count {
        let mut csv = Vec::new();
        if next(10) != 0 {
            csv.extend_from_slice(header.as_bytes());
            csv.extend_from_slice(b"\r\n");
        }
        for _ in 0..next(8) {
            for (i, values) in columns.iter().enumerate() {
                if i > 0 {
                    csv.push(b',');
                }
                let cell = match next(30) {
                    0..=2 => TEXTS[next(TEXTS.len())],
                    3 => {
                        csv.extend_from_slice(SYNTAX[next(SYNTAX.len())]);
                        continue;
                    }
                    _ => values[next(values.len())],
                };
                csv.push(b'"');
                csv.extend_from_slice(cell.replace('"', "\"\"").as_bytes());
                csv.push(b'"');
            }
            csv.extend_from_slice(if next(2) == 0 { b"\r\n" } else { b"\n" });
        }
        spreadsheets.push(csv);
    }
    spreadsheets
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Table {
        Table::from_bytes(text.as_bytes(), "t.csv").unwrap()
    }

    fn lines(text: &str) -> Vec<(usize, String)> {
        let mut table = table(text);
        let mut lines = Vec::new();
        while let Some(row) = table.next_row().unwrap() {
            lines.push((row.line, row.cell(0).to_string()));
        }
        lines
    }

    #[test]
    fn each_row_knows_its_line_with_either_line_ending_and_line_breaks_in_cells() {
        let expected = vec![
            (2, "a".to_string()),
            (4, "b".to_string()),
            (6, "c".to_string()),
        ];
        let lf = "Name,Note\na,\"two\nlines\"\nb,x\n\nc,y\n";
        assert_eq!(lines(lf), expected);
        assert_eq!(lines(&lf.replace('\n', "\r\n")), expected);
    }

    #[test]
    fn a_byte_order_mark_and_spaces_round_headers_are_not_part_of_them() {
        let table = table("\u{feff}Year , Leaving\n2026,Year 11\n");
        assert_eq!(table.headers(), ["Year", "Leaving"]);
        assert_eq!(table.column("leaving"), Some(1));
    }

    #[test]
    fn missing_columns_are_named_with_the_headers_expected() {
        let refused = columns(
            &table("Benchmark,Rating\n1,red\n"),
            &["Benchmark", "Notes", "Part"],
        )
        .unwrap_err();
        assert_eq!(refused.message, "t.csv has no column \"Notes\", \"Part\"");
        assert_eq!(
            refused.help.unwrap(),
            "keep the first row as careersite exported it: Benchmark,Notes,Part"
        );
    }

    #[test]
    fn a_file_saved_with_semicolons_is_told_how_to_save_it_with_commas() {
        let refused = columns(
            &table("Benchmark;Rating\n1;red\n"),
            &["Benchmark", "Rating"],
        )
        .unwrap_err();
        assert!(
            refused.help.unwrap().starts_with(
                "its columns are separated by semicolons, not commas: save it from your spreadsheet as \"CSV UTF-8 (comma delimited)\""
            )
        );
    }

    #[test]
    fn a_quotation_never_closed_is_refused_not_read_to_the_end() {
        let mut table = table("Name,Note\na,\"unterminated,,,\nb,x\n");
        let refused = loop {
            match table.next_row() {
                Ok(Some(_)) => continue,
                Ok(None) => panic!("read to the end"),
                Err(refused) => break refused,
            }
        };
        assert!(
            refused.message.contains("never closed"),
            "{}",
            refused.message
        );
    }

    #[test]
    fn text_that_is_not_utf8_is_refused_with_its_line() {
        let mut table = Table::from_reader(
            Box::new(std::io::Cursor::new(b"Name\nok\ncaf\xe9\n".to_vec())),
            Path::new("t.csv"),
        )
        .unwrap();
        assert!(table.next_row().unwrap().is_some());
        let refused = table.next_row().unwrap_err();
        assert!(refused.message.contains("UTF-8"), "{}", refused.message);
    }
}
