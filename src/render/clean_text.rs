//! The last step of every HTML, XML and iCalendar file careersite writes: characters that XML
//! forbids outright and HTML calls parse errors are taken out, wherever they came from (a
//! YAML `"\x01"`, a pasted control code). One of them makes a feed reader reject the whole
//! Atom feed.

use crate::output::Contents;

/// `text` as bytes to publish, without control characters (but tabs and line breaks) and
/// Unicode noncharacters.
pub fn publishable(text: String) -> Contents {
    // Text with none of the bytes that can start such a character (ASCII, say) skips the
    // character-by-character scan.
    let suspect = text
        .bytes()
        .any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F || b >= 0xC2);
    if !suspect || !text.chars().any(forbidden) {
        return Contents::Bytes(text.into_bytes());
    }
    Contents::Bytes(
        text.chars()
            .filter(|&c| !forbidden(c))
            .collect::<String>()
            .into_bytes(),
    )
}

fn forbidden(c: char) -> bool {
    let code = u32::from(c);
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(text: &str) -> String {
        match publishable(text.to_string()) {
            Contents::Bytes(bytes) => String::from_utf8(bytes).unwrap(),
            Contents::Copy(_) => unreachable!("text is always bytes"),
        }
    }

    #[test]
    fn control_characters_and_noncharacters_are_taken_out() {
        assert_eq!(cleaned("a\u{1}b\u{7f}c\u{85}d\u{fffe}e\u{fdd0}f"), "abcdef");
    }

    #[test]
    fn tabs_line_breaks_and_ordinary_text_are_kept() {
        let text = "Year 9\tOptions\r\n£5 — café, ünïcode 👍\n";
        assert_eq!(cleaned(text), text);
    }
}
