//! Any text as a duration: parsed or refused with a message, and whatever
//! parses formats back to text that parses to the same duration.
#![no_main]

use hotseat::bank::{format_duration, parse_duration};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_duration(text) {
        Ok(d) => {
            assert!(!d.is_zero());
            let shown = format_duration(d);
            assert_eq!(parse_duration(&shown), Ok(d), "{text:?} -> {shown:?}");
        }
        Err(message) => assert!(!message.is_empty()),
    }
});
