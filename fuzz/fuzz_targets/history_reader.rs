//! Any bytes as a history file: the reader keeps going past anything it
//! cannot read (a warning per line), never fails on content, never panics.
#![no_main]

use hotseat::history::read_from;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (records, warnings) =
        read_from(std::io::Cursor::new(data)).expect("content is never an I/O error");
    let lines = data.split(|&b| b == b'\n').count();
    assert!(records.len() + warnings.len() <= lines);
    for w in &warnings {
        assert!(w.line >= 1 && w.line <= lines, "{w:?}");
    }
});
