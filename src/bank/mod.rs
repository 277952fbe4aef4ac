//! Question banks: the model, YAML loading and validation, the built-in
//! banks embedded in the binary, and merging them with the user's banks.
//!
//! This is the only module that parses YAML. It knows nothing of the
//! terminal, the history or the drill.
//!
//! - `model`: [`Question`], [`Bank`], [`Point`], [`Avoid`], [`Source`] (its
//!   own file so the build script can compile the loader without the rest);
//! - [`load`]: reading one file and validating it, every problem located;
//! - [`prescan`]: the linear nesting check run before the YAML parser;
//! - [`catalog`]: built-ins merged with the user's banks;
//! - [`validate`]: kebab-case, placeholders, suggestions;
//! - [`fill`]: `{company}` and `{role}` filled into a text;
//! - [`duration`]: `45s`, `2m`, `1m30s`;
//! - [`builtin`]: `question-banks/*.yaml`, checked and compiled into statics
//!   at build time (`build.rs`);
//! - [`own`]: the `caught-off-guard` bank `hotseat reflect` maintains;
//! - [`situation`]: which situational questions a session may draw.

pub mod builtin;
pub mod catalog;
#[cfg(test)]
mod content_tests;
pub mod duration;
pub mod error;
pub mod fill;
pub mod load;
pub(crate) mod locate;
mod model;
pub mod own;
pub mod prescan;
pub mod situation;
pub mod validate;

pub use catalog::{Catalog, bank_files, expand_paths};
pub use duration::{DurationError, parse_duration};
pub use error::{BankError, FileCount, Problem};
pub use fill::fill_placeholders;
pub use load::{MAX_FILE_BYTES, check_file, parse_bank};
pub use model::{Avoid, Bank, DEFAULT_LIMIT, DEFAULT_THINK, Point, Question, Source};
pub use situation::Situations;
