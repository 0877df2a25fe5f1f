//! The last step of every HTML, XML and iCalendar file careersite writes: characters that XML
//! forbids outright and HTML calls parse errors are taken out, wherever they came from (a
//! YAML `"\x01"`, a pasted control code). One of them makes a feed reader reject the whole
//! Atom feed.

use crate::output::Contents;

/// `text` as bytes to publish, without control characters (but tabs and line breaks) and
/// Unicode noncharacters.
pub fn publishable(text: String) -> Contents {
    if !may_hold_forbidden(text.as_bytes()) || !text.chars().any(forbidden) {
        return Contents::Bytes(text.into_bytes());
    }
    Contents::Bytes(
        text.chars()
            .filter(|&c| !forbidden(c))
            .collect::<String>()
            .into_bytes(),
    )
}

/// Whether `bytes` (UTF-8) may hold a forbidden character, judged by the bytes each one's
/// encoding starts with, so that every page (nearly all of them with `’` or `–`, none with a
/// control character) is read byte by byte once and not decoded: a control character is below
/// 0x20 or 0x7F; U+0080 to U+009F start 0xC2 0x80-0x9F; U+FDD0 to U+FDEF and U+FFFE, U+FFFF
/// start 0xEF 0xB7 or 0xEF 0xBF; the other noncharacters are four bytes long.
fn may_hold_forbidden(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(at, &byte)| match byte {
        b'\t' | b'\n' | b'\r' => false,
        0x00..=0x1F | 0x7F | 0xF0..=0xF4 => true,
        0xC2 => matches!(bytes.get(at + 1), Some(0x80..=0x9F)),
        0xEF => matches!(bytes.get(at + 1), Some(0xB7 | 0xBF)),
        _ => false,
    })
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
    fn every_forbidden_character_starts_with_a_byte_the_quick_look_stops_at() {
        for code in 0..=0x10FFFF {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if forbidden(c) {
                assert!(may_hold_forbidden(c.to_string().as_bytes()), "U+{code:04X}");
            }
        }
        assert!(!may_hold_forbidden(
            "Year 9 – options’ evening £5 café".as_bytes()
        ));
    }

    #[test]
    fn tabs_line_breaks_and_ordinary_text_are_kept() {
        let text = "Year 9\tOptions\r\n£5 — café, ünïcode 👍\n";
        assert_eq!(cleaned(text), text);
    }
}
