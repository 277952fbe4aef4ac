//! Neutralizes untrusted text (bank titles, questions, tips, answers read
//! back from history, file names in messages) so that it cannot move the
//! cursor, recolour the screen, retitle the window or reorder text.
//!
//! One rule table ([`danger`]) says which characters are dangerous; three
//! spellings make them visible, one per place text goes:
//! [`clean`] for the terminal (keeps newline and tab), [`one_line`] for a
//! message that must stay one line per problem, [`json_safe`] for JSON
//! that must still parse to the same data.

use std::borrow::Cow;

/// Why a character must not reach a terminal raw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Danger {
    /// Newline or tab: harmless in running text, but a one-line message
    /// must not contain them.
    Layout,
    /// A C0 control other than newline and tab, DEL, or a C1 control:
    /// these start escape sequences or move the cursor.
    Control,
    /// A bidi embedding, override, isolate or mark: makes text display in
    /// an order other than the one stored.
    Bidi,
}

/// The rule table: what, if anything, is dangerous about `c`.
#[must_use]
pub fn danger(c: char) -> Option<Danger> {
    match c {
        '\n' | '\t' => Some(Danger::Layout),
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Some(Danger::Control),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}' => {
            Some(Danger::Bidi)
        }
        _ => None,
    }
}

/// Whether `c` must not reach the terminal raw in running text: any
/// [`Danger`] but [`Danger::Layout`].
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    matches!(danger(c), Some(Danger::Control | Danger::Bidi))
}

/// `text` with each character `escape` picks replaced by what `spell`
/// writes, borrowing when nothing needs replacing.
fn escaped(
    text: &str,
    escape: impl Fn(char) -> bool,
    spell: impl Fn(char, &mut String),
) -> Cow<'_, str> {
    if !text.chars().any(&escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escape(c) {
            spell(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Returns `text` with every [`is_unsafe`] character replaced by a visible
/// escape (`\u{1b}` shows as `\x1b`, U+202E as `\u{202e}`), borrowing when
/// nothing needs replacing. Every printer of untrusted text goes through
/// it.
pub fn clean(text: &str) -> Cow<'_, str> {
    escaped(text, is_unsafe, |c, out| {
        let n = u32::from(c);
        if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else {
            out.push_str(&format!("\\u{{{n:x}}}"));
        }
    })
}

/// `text` as one inert line: every dangerous character, newline and tab
/// included, escaped the way Rust writes it (`\n`, `\u{1b}`), so a message
/// quoting a hostile file cannot drive the terminal, whoever prints it,
/// and one problem stays one line.
#[must_use]
pub fn one_line(text: &str) -> Cow<'_, str> {
    escaped(
        text,
        |c| danger(c).is_some(),
        |c, out| out.extend(c.escape_debug()),
    )
}

/// JSON text with every [`is_unsafe`] character escaped as `\uXXXX`: the
/// document still parses to the same data but cannot drive a terminal it
/// is printed on. `serde_json` escapes only C0 (and leaves the newlines and
/// tabs of pretty printing, which are not inside strings).
pub fn json_safe(json: &str) -> Cow<'_, str> {
    // Every unsafe character is DEL or beyond ASCII: plain ASCII needs no
    // look at its characters.
    if json.bytes().all(|b| b < 0x7f) {
        return Cow::Borrowed(json);
    }
    escaped(json, is_unsafe, |c, out| {
        out.push_str(&format!("\\u{:04x}", u32::from(c)));
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let s = "What is your greatest weakness? Café — 日本 🚀\n\tok";
        assert!(matches!(clean(s), Cow::Borrowed(_)));
        assert_eq!(clean(s), s);
        assert!(matches!(json_safe("{\"a\": \"b\"}"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_are_made_visible() {
        let got = clean("a\x1b[2Jb\x07c\u{9b}31md\x7f");
        assert_eq!(got, "a\\x1b[2Jb\\x07c\\x9b31md\\x7f");
        assert!(
            !got.chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t')
        );
    }

    #[test]
    fn carriage_return_and_bidi_overrides_are_neutralized() {
        let got = clean("safe\rEVIL \u{202e}txt.exe\u{2066}");
        assert_eq!(got, "safe\\x0dEVIL \\u{202e}txt.exe\\u{2066}");
    }

    #[test]
    fn one_line_escapes_line_breaks_too() {
        let got = one_line("bad \u{1b}[2J \u{9b}31m \u{202e} \r\nnext\tx");
        assert_eq!(got, "bad \\u{1b}[2J \\u{9b}31m \\u{202e} \\r\\nnext\\tx");
        assert_eq!(one_line("fine — 日本"), "fine — 日本");
    }

    #[test]
    fn json_keeps_its_layout_and_escapes_the_rest() {
        let got = json_safe("{\n\t\"t\": \"a\u{7f}b\u{9b}c\u{202e}é\"\n}");
        assert_eq!(got, "{\n\t\"t\": \"a\\u007fb\\u009bc\\u202eé\"\n}");
        let back: serde_json::Value = serde_json::from_str(&got).unwrap();
        assert_eq!(back["t"], "a\u{7f}b\u{9b}c\u{202e}é");
    }

    #[test]
    fn the_table_is_the_one_rule() {
        for c in ['\u{0}', '\r', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}'] {
            assert_eq!(danger(c), Some(Danger::Control), "{c:?}");
            assert!(c.is_control());
        }
        for c in [
            '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}',
        ] {
            assert_eq!(danger(c), Some(Danger::Bidi), "{c:?}");
        }
        assert_eq!(danger('\n'), Some(Danger::Layout));
        for c in ['a', ' ', '\u{a0}', '\u{200d}', '🚀'] {
            assert_eq!(danger(c), None, "{c:?}");
        }
    }
}
