//! Neutralizes untrusted text (bank titles, questions, tips, answers read
//! back from history) before it reaches the terminal, so a bank file cannot
//! move the cursor, recolour the screen, retitle the window or reorder text.
//!
//! Every printer of untrusted text goes through [`clean`].

use std::borrow::Cow;

/// Whether `c` must not reach the terminal raw: C0 controls except newline
/// and tab, DEL, C1 controls, and the bidi embedding/override/isolate marks
/// that can make text display in an order other than the one stored.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// Returns `text` with every unsafe character replaced by a visible escape
/// (`\u{1b}` shows as `\x1b`, U+202E as `\u{202e}`), borrowing when nothing
/// needs replacing.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !is_unsafe(c) {
            out.push(c);
        } else if (c as u32) < 0x100 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let s = "What is your greatest weakness? Café — 日本 🚀\n\tok";
        assert!(matches!(clean(s), std::borrow::Cow::Borrowed(_)));
        assert_eq!(clean(s), s);
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
}
