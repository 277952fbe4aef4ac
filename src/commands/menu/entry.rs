//! The menu's entries: the list itself is the source of what is shown and
//! in which order, so an entry cannot be shown under another's label.

/// What the top of the menu offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Entry {
    Daily,
    Rehearse,
    Drill,
    Stats,
    Review,
    Reflect,
    Browse,
    Quit,
}

impl Entry {
    /// Every entry, in the menu's order: the two ways hotseat is used
    /// first, Quit last.
    pub(super) const ALL: [Self; 8] = [
        Self::Daily,
        Self::Rehearse,
        Self::Drill,
        Self::Stats,
        Self::Review,
        Self::Reflect,
        Self::Browse,
        Self::Quit,
    ];

    /// The entry's line in the menu.
    pub(super) fn label(self) -> &'static str {
        match self {
            Self::Daily => "Daily practice — today's set: what stalls you comes back",
            Self::Rehearse => "Rehearse — a full, timed mock interview for the night before",
            Self::Drill => "Custom drill — choose categories and how many questions",
            Self::Stats => "Stats — where you hesitate, over days and categories",
            Self::Review => "Review the last session — each answer with its pauses",
            Self::Reflect => "Reflect — after a real interview, keep what caught you off guard",
            Self::Browse => "Browse the question banks",
            Self::Quit => "Quit",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_listed_once_and_daily_comes_first() {
        assert_eq!(Entry::ALL[0], Entry::Daily);
        assert_eq!(Entry::ALL.last(), Some(&Entry::Quit));
        for (i, e) in Entry::ALL.iter().enumerate() {
            assert_eq!(Entry::ALL.iter().position(|x| x == e), Some(i), "{e:?}");
        }
        let labels: std::collections::HashSet<_> = Entry::ALL.iter().map(|e| e.label()).collect();
        assert_eq!(labels.len(), Entry::ALL.len(), "labels are distinct");
    }
}
