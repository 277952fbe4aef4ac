//! The built-in banks, embedded in the binary from `question-banks/` so a
//! fresh install works from any directory with no files around.

/// One embedded bank file: its category (the file name) and its text.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinFile {
    /// The category, which is also the file's stem.
    pub category: &'static str,
    /// The YAML text.
    pub yaml: &'static str,
}

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        [$(BuiltinFile {
            category: $name,
            yaml: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/question-banks/", $name, ".yaml")),
        }),*]
    };
}

/// The ten built-in banks, in the order they are listed.
pub const BUILTIN: [BuiltinFile; 10] = builtin!(
    "tell-me-about-yourself",
    "strengths",
    "weaknesses",
    "behavioral",
    "five-year-plan",
    "culture-fit",
    "company-research",
    "curveballs",
    "salary-and-terms",
    "questions-to-ask",
);
