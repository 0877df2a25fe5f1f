//! Messages for the careers leader: what went wrong, where, and how to put it right.
//!
//! Every stage reports problems as [`Diagnostic`]s rather than panicking or bubbling up bare
//! library errors, so the person at the keyboard always sees a file, a line and a fix.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    /// Worth knowing, nothing to fix: an external link, say.
    Note,
}

/// A stable name for a kind of finding, for `careersite check` and scripts that read its JSON:
/// written as the README's table of findings names them (`S1`, `LINK`, `UNSAFE-HTML`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// The statutory careers programme information.
    S1,
    S2,
    S3,
    S4,
    /// The provider access policy statement.
    P1,
    P2,
    P3,
    P4,
    Accessibility,
    /// Benchmark coverage, by benchmark number.
    Benchmark(u8),
    Compass,
    Destinations,
    /// The strategic and action plans: review, approval, progress.
    Plan,
    /// The self-assessment: requirements unrated or not yet assessed.
    Assessment,
    /// Content that does not fit `school.phase`.
    Phase,
    Link,
    Anchor,
    Image,
    /// A photo that may show pupils, without a word on consent to publish it.
    Photo,
    /// A picture too heavy for a reader on a phone, even once drawn afresh.
    PictureSize,
    Alt,
    Headings,
    LinkText,
    Table,
    External,
    UnsafeHtml,
    RemoteMedia,
    Id,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        const BENCHMARKS: [&str; 8] = ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8"];
        match self {
            Code::S1 => "S1",
            Code::S2 => "S2",
            Code::S3 => "S3",
            Code::S4 => "S4",
            Code::P1 => "P1",
            Code::P2 => "P2",
            Code::P3 => "P3",
            Code::P4 => "P4",
            Code::Accessibility => "A11Y",
            Code::Benchmark(n) => BENCHMARKS[usize::from(n.clamp(1, 8)) - 1],
            Code::Compass => "COMPASS",
            Code::Destinations => "DESTINATIONS",
            Code::Plan => "PLAN",
            Code::Assessment => "ASSESSMENT",
            Code::Phase => "PHASE",
            Code::Link => "LINK",
            Code::Anchor => "ANCHOR",
            Code::Image => "IMAGE",
            Code::Alt => "ALT",
            Code::Headings => "HEADINGS",
            Code::LinkText => "LINK-TEXT",
            Code::Table => "TABLE",
            Code::External => "EXTERNAL",
            Code::UnsafeHtml => "UNSAFE-HTML",
            Code::RemoteMedia => "REMOTE-MEDIA",
            Code::Photo => "PHOTO",
            Code::PictureSize => "PICTURE-SIZE",
            Code::Id => "ID",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A point in a file the user wrote. Lines and columns count from 1, as editors do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// The text of that line, shown under the message with a caret.
    pub source_line: Option<String>,
}

impl Location {
    /// The location of byte `offset` in `text`, where `text` itself starts at `first_line` of `file`.
    pub fn at_offset(file: &Path, text: &str, offset: usize, first_line: usize) -> Self {
        LineStarts::new(text).location(file, text, offset, first_line)
    }

    /// The location of `line`:`column` (both from 1) in `text`, which starts at `first_line` of `file`.
    pub fn at_line(file: &Path, text: &str, line: usize, column: usize, first_line: usize) -> Self {
        let source_line = text
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| l.trim_end_matches('\r').to_string());
        Location {
            file: file.to_path_buf(),
            line: first_line + line.saturating_sub(1),
            column: column.max(1),
            source_line,
        }
    }
}

/// Where each line of a text starts, so that many problems in one long file are each placed in
/// a moment, not by counting lines from the top every time.
pub struct LineStarts(Vec<usize>);

impl LineStarts {
    pub fn new(text: &str) -> Self {
        LineStarts(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    /// The location of byte `offset` in `text` (the text these starts were found in), which
    /// starts at `first_line` of `file`.
    pub fn location(&self, file: &Path, text: &str, offset: usize, first_line: usize) -> Location {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.0.partition_point(|&start| start <= offset) - 1;
        let line_start = self.0[line];
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        Location {
            file: file.to_path_buf(),
            line: first_line + line,
            column: text[line_start..offset].chars().count() + 1,
            source_line: Some(
                text[line_start..line_end]
                    .trim_end_matches('\r')
                    .to_string(),
            ),
        }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// A line and column in a diagnostic's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub source_line: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable name for the kind of problem, for `careersite check`: `S1`, `LINK`, `ALT`...
    pub code: Option<Code>,
    /// The file the problem is in, when there is one.
    pub file: Option<PathBuf>,
    /// Where in that file, when known (boxed: most diagnostics travel in `Result`s).
    pub position: Option<Box<Position>>,
    pub message: String,
    /// What to do about it, in plain words.
    pub help: Option<String>,
    /// How many problems this stands for: 1, or, for the line that counts the problems in a file
    /// past those shown, that many.
    pub count: usize,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: None,
            file: None,
            position: None,
            message: message.into(),
            help: None,
            count: 1,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// A failed read or write of `path`, explained.
    pub fn io(action: &str, path: &Path, err: &std::io::Error) -> Self {
        let help = match err.kind() {
            std::io::ErrorKind::NotFound => Some("check that the path is spelt correctly"),
            std::io::ErrorKind::PermissionDenied => {
                Some("check that you are allowed to read and write this folder")
            }
            std::io::ErrorKind::InvalidData => Some(
                "save the file as UTF-8 text (in most editors: Save As, then choose the UTF-8 encoding)",
            ),
            _ => None,
        };
        let diagnostic = Diagnostic::error(format!("could not {action} {}: {err}", path.display()))
            .in_file(path);
        match help {
            Some(help) => diagnostic.with_help(help),
            None => diagnostic,
        }
    }

    pub fn note(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(message)
        }
    }

    pub fn coded(mut self, code: Code) -> Self {
        self.code = Some(code);
        self
    }

    pub fn in_file(mut self, file: &Path) -> Self {
        self.file = Some(file.to_path_buf());
        self
    }

    pub fn at(mut self, location: Location) -> Self {
        self.file = Some(location.file);
        self.position = Some(Box::new(Position {
            line: location.line,
            column: location.column,
            source_line: location.source_line,
        }));
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn counting(mut self, count: usize) -> Self {
        self.count = count;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        match self.code {
            Some(code) => write!(f, "{label}[{code}]: ")?,
            None => write!(f, "{label}: ")?,
        }
        match (&self.file, &self.position) {
            (Some(file), Some(at)) => write!(f, "{}:{}:{}: ", file.display(), at.line, at.column)?,
            (Some(file), None) => write!(f, "{}: ", file.display())?,
            (None, _) => {}
        }
        write!(f, "{}", self.message)?;
        if let Some(Position {
            line,
            column,
            source_line: Some(text),
        }) = self.position.as_deref()
        {
            let gutter = line.to_string().len();
            let (text, column) = excerpt(text, *column);
            let caret_pad: String = text
                .chars()
                .take(column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(
                f,
                "\n{:gutter$} |\n{line} | {text}\n{:gutter$} | {caret_pad}^",
                "", ""
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// The part of a long source line around `column`, so that a line of thousands of characters
/// still shows as one readable line; with the column counted within that part.
fn excerpt(text: &str, column: usize) -> (String, usize) {
    const BEFORE: usize = 40;
    const WIDTH: usize = 100;
    let length = text.chars().count();
    if length <= WIDTH {
        return (text.to_string(), column);
    }
    let start = column.saturating_sub(BEFORE + 1).min(length - WIDTH);
    let mut shown: String = text.chars().skip(start).take(WIDTH).collect();
    let mut column = column - start;
    if start > 0 {
        shown.insert(0, '…');
        column += 1;
    }
    if start + WIDTH < length {
        shown.push('…');
    }
    (shown, column)
}

/// Diagnostics gathered by a stage; the stage failed if any is an error.
pub type Diagnostics = Vec<Diagnostic>;

pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

/// Most problems are shown in full; past this many of one severity, the rest are counted. More
/// than one file shows at most (50 problems and a line counting the rest), so that a file's own
/// count is never the line cut.
const SHOWN_PER_SEVERITY: usize = 100;

/// Prints diagnostics to standard error, errors first: for every command, and for `serve`
/// after each save.
pub fn report(diagnostics: &[Diagnostic]) {
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    sorted.sort_by(|a, b| a.severity.cmp(&b.severity).then(a.file.cmp(&b.file)));
    for severity in [Severity::Error, Severity::Warning, Severity::Note] {
        let of_kind: Vec<_> = sorted.iter().filter(|d| d.severity == severity).collect();
        for diagnostic in of_kind.iter().take(SHOWN_PER_SEVERITY) {
            eprintln!("{diagnostic}\n");
        }
        if of_kind.len() > SHOWN_PER_SEVERITY {
            let more: usize = of_kind[SHOWN_PER_SEVERITY..].iter().map(|d| d.count).sum();
            eprintln!("… and {more} more like these\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_editor_lines_and_columns() {
        let text = "title: A\naudiences: [pupil]\n";
        let at = Location::at_offset(Path::new("a.md"), text, 21, 2);
        assert_eq!((at.line, at.column), (3, 13));
        assert_eq!(at.source_line.as_deref(), Some("audiences: [pupil]"));
    }

    #[test]
    fn display_points_at_the_column() {
        let text = "audiences: [pupil]";
        let d = Diagnostic::error("unknown audience `pupil`")
            .at(Location::at_offset(Path::new("content/a.md"), text, 12, 3))
            .with_help("use one of: pupils, parents, staff, employers");
        assert_eq!(
            d.to_string(),
            "error: content/a.md:3:13: unknown audience `pupil`\n  |\n3 | audiences: [pupil]\n  |             ^\n  help: use one of: pupils, parents, staff, employers"
        );
    }
}
