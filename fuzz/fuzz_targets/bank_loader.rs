//! Any bytes as a bank file: the nesting pre-scan and the loader must
//! answer (a bank or located problems), never panic or hang; whatever the
//! pre-scan refuses, the loader refuses too.
#![no_main]

use std::path::Path;

use hotseat::bank::{Source, parse_bank, prescan::check_nesting};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let file = Path::new("fuzz.yaml");
    let result = parse_bank(src, file, Source::File(file.to_path_buf()));
    if check_nesting(src).is_err() {
        assert!(result.is_err(), "the pre-scan refused it but the loader took it");
    }
    if let Err(e) = result {
        assert!(!e.problems.is_empty());
        // Every message is one line per problem, with no raw controls.
        let shown = e.to_string();
        assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "{shown:?}");
    }
});
