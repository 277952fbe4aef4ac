//! Text for people to read: making untrusted text inert, measuring it in
//! terminal columns, wrapping and shortening it, plurals, the ways a duration
//! is written, and a labelled line of feedback. The one place for each of these.
//!
//! Below everything else: it uses nothing of the crate and does no I/O
//! (the terminal's width is looked up in `term::ui` and passed in).

pub mod duration;
pub mod line;
pub mod sanitize;
pub mod wrap;

pub use line::{Label, Line};
pub use sanitize::{clean, is_unsafe};
pub use wrap::{cut, width, with_ellipsis, wrap, wrap_hanging};

use std::fmt::Display;

/// `1 pause` / `2 pauses` / `0 pauses`: `n` with the word that agrees
/// with it.
pub fn plural<N>(n: N, one: &str, many: &str) -> String
where
    N: Copy + Display + PartialEq + From<u8>,
{
    if n == N::from(1) {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn plural_agrees_with_the_count() {
        assert_eq!(plural(1usize, "pause", "pauses"), "1 pause");
        assert_eq!(plural(0u64, "pause", "pauses"), "0 pauses");
        assert_eq!(plural(2u32, "day", "days"), "2 days");
    }
}
