//! How deep `[…]` and `{…}` nest in YAML, counted before it is read. The YAML reader takes time
//! that grows with the square of the depth (200,000 `[` took 48 s), and no careers data file
//! nests more than a few. The count reads the text as YAML does: brackets inside quoted text,
//! comments and block text (`|`, `>`) are text, and a quote begins quoted text only where a
//! value may begin (the `'` of "don't" does not).

/// Where `[` and `{` first nest deeper than `deepest`, as a byte offset into `text`.
pub fn too_deep(text: &str, deepest: usize) -> Option<usize> {
    let mut scan = Scan::default();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if let Some(at) = scan.line(line, deepest) {
            return Some(line_start + at);
        }
        line_start += line.len();
    }
    None
}

#[derive(Default)]
struct Scan {
    depth: usize,
    /// Inside quoted text, which may run over several lines.
    quote: Option<char>,
    /// Inside block text, started on a line indented this far: it runs on while lines are
    /// indented further, or blank.
    block: Option<usize>,
}

impl Scan {
    /// Reads one line; the offset in it where nesting went too deep, if it did.
    fn line(&mut self, line: &str, deepest: usize) -> Option<usize> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(block) = self.block {
            if line.trim().is_empty() || indent > block {
                return None;
            }
            self.block = None;
        }
        let mut value_may_start = true;
        let mut chars = line.char_indices().peekable();
        let mut previous = ' ';
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map_or('\n', |&(_, n)| n);
            if let Some(quote) = self.quote {
                match c {
                    '\\' if quote == '"' => {
                        chars.next();
                    }
                    '\'' if quote == '\'' && next == '\'' => {
                        chars.next();
                    }
                    _ if c == quote => self.quote = None,
                    _ => {}
                }
                previous = c;
                continue;
            }
            match c {
                '#' if previous.is_whitespace() => return None,
                '"' | '\'' if value_may_start => self.quote = Some(c),
                '[' | '{' => {
                    self.depth += 1;
                    if self.depth > deepest {
                        return Some(at);
                    }
                    value_may_start = true;
                }
                ']' | '}' => {
                    self.depth = self.depth.saturating_sub(1);
                    value_may_start = false;
                }
                ',' => value_may_start = true,
                ':' | '-' | '?' if next.is_whitespace() => value_may_start = true,
                '|' | '>' if value_may_start && self.depth == 0 => {
                    let after = line[at + 1..].trim_start_matches([
                        '+', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
                    ]);
                    let after = after.trim();
                    if after.is_empty() || after.starts_with('#') {
                        self.block = Some(indent);
                        return None;
                    }
                    value_may_start = false;
                }
                _ if c.is_whitespace() => {}
                _ => value_may_start = false,
            }
            previous = c;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::too_deep;

    fn deep(text: &str) -> bool {
        too_deep(text, 64).is_some()
    }

    #[test]
    fn brackets_are_counted_as_yaml_reads_them() {
        let brackets = "[".repeat(100);
        assert!(!deep("a: [[1], {b: [2]}]\n"));
        assert_eq!(too_deep(&"[".repeat(65), 64), Some(64));
        assert!(!deep(&format!("a: '{brackets}'\n")));
        assert!(!deep(&format!("a: \"\\\"{brackets}\"\n")));
        assert!(!deep(&format!("a: 'it''s {brackets}'\n")));
        assert!(!deep(&format!("# {brackets}\n")));
        assert!(!deep(&format!("a: |\n  {brackets}\n  \"unclosed\nb: 1\n")));
    }

    #[test]
    fn a_quote_that_begins_no_value_hides_nothing() {
        let brackets = "[".repeat(100);
        assert!(deep(&format!("a: don't\nb: {brackets}")));
        assert!(deep(&format!("title: a \"\nx: {brackets}")));
        assert!(deep(&format!("x: |\n  say \"hi\ny: {brackets}")));
        assert!(deep(&format!("x: [\"]\", {brackets}")));
    }
}
