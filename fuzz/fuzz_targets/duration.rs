//! Any text as a duration: parsed or refused with a message, and whatever
//! parses formats back to text that parses to the same duration.
#![no_main]

use hotseat::bank::parse_duration;
use hotseat::text::duration::written as format_duration;
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
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
