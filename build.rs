//! Build script: checks the built-in banks and compiles them into Rust.
//!
//! Each `question-banks/*.yaml` goes through the real loader — the very
//! modules of `src/bank/` that `hotseat banks check` runs, compiled in
//! here through `#[path]` — and comes out as statics in
//! `$OUT_DIR/builtin_banks.rs`, which `src/bank/builtin.rs` includes. So a
//! start-up costs no YAML parse, and a broken built-in bank fails the build
//! with its file, line and fix.

use std::path::Path;
use std::process::ExitCode;

/// The part of `src/bank/` the loader needs, at the same paths as in the
/// library (`crate::bank::…`), so the files compile unchanged.
#[path = "src/bank"]
#[allow(
    dead_code,
    unreachable_pub,
    unused_imports,
    reason = "the loader's files are shared with the library, which uses all of them"
)]
mod bank {
    pub mod catalog;
    pub mod duration;
    pub mod error;
    pub mod load;
    pub(crate) mod locate;
    mod model;
    pub mod prescan;
    pub mod situation;
    pub mod validate;

    pub use catalog::Catalog;
    pub use duration::parse_duration;
    pub use model::{Avoid, Bank, Point, Question, Source};

    /// The build script is what makes the built-in banks, so while it runs
    /// there are none yet: nothing to merge into, no labels to skip.
    pub mod builtin {
        pub mod codegen;

        pub fn banks() -> Vec<super::Bank> {
            Vec::new()
        }

        pub fn point_labels(_category: &str) -> Vec<String> {
            Vec::new()
        }
    }
}

/// The text module the loader's messages use (sanitizing, plurals,
/// durations), compiled in the same way.
#[path = "src/text/mod.rs"]
#[allow(
    dead_code,
    unreachable_pub,
    unused_imports,
    reason = "shared with the library, which uses all of it"
)]
mod text;

use bank::builtin::codegen;

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed=question-banks");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for category in codegen::CATEGORIES {
        match bank::load::read_bank_file(&root.join(codegen::file_name(category))) {
            Ok(text) => files.push((category, text)),
            Err(e) => return fail(&e),
        }
    }
    let files: Vec<(&str, &str)> = files.iter().map(|(c, t)| (*c, t.as_str())).collect();
    let source = match codegen::generate(&files) {
        Ok(source) => source,
        Err(e) => return fail(&e),
    };
    let Some(out) = std::env::var_os("OUT_DIR") else {
        eprintln!("OUT_DIR is not set: run the build through cargo");
        return ExitCode::FAILURE;
    };
    if let Err(e) = std::fs::write(Path::new(&out).join("builtin_banks.rs"), source) {
        eprintln!(
            "cannot write the compiled banks into {}: {e}",
            out.display()
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Says what is wrong with a built-in bank, as `banks check` would.
fn fail(e: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("a built-in bank is invalid:\n{e}");
    ExitCode::FAILURE
}
