//! Unit tests for the history store: parsing and warnings through
//! `read_from`, appends on a real temporary folder, error messages.

use std::io::{BufReader, Cursor, ErrorKind};

use super::*;
use crate::drill::{AnswerRecord, Mode, Pause, SessionRecord};

fn ts(s: &str) -> crate::drill::Stamp {
    crate::drill::Stamp::parse(s).unwrap()
}

fn answer(text: &str) -> Record {
    Record::Answer(
        AnswerRecord::builder("weaknesses/greatest-weakness")
            .session("2025-03-01T09-30-00-ab12")
            .at(ts("2025-03-01T09:31:12.250Z"))
            .think_ms(4210)
            .answer_ms(61_880)
            .limit_ms(90_000)
            .pauses(vec![
                Pause {
                    at_word: Some(3),
                    at_char: Some(9),
                    ms: 4500,
                    at_ms: Some(1200),
                },
                Pause {
                    at_word: None,
                    at_char: None,
                    ms: 0,
                    at_ms: Some(30_000),
                },
            ])
            .words(42)
            .wpm(40.7)
            .fillers(&["um", "you know"])
            .revisions(7)
            .hint()
            .rating(4)
            .text(text)
            .build(),
    )
}

fn session() -> Record {
    Record::Session(SessionRecord {
        v: VERSION,
        session: "2025-03-01T09-30-00-ab12".into(),
        started: ts("2025-03-01T09:30:00Z"),
        ended: ts("2025-03-01T09:41:05Z"),
        mode: Mode::Daily,
        answered: 4,
        skipped: 1,
        interrupted: true,
        budget_ms: None,
    })
}

const TRICKY: &str = "I tend to \"over\"-prepare 🙈\nthen I—well—ship; naïve 你好 \\ \t\u{1b}[31m";

fn line_of(record: &Record) -> String {
    serde_json::to_string(record).unwrap()
}

fn read_str(s: &str) -> (Vec<Record>, Vec<Warning>) {
    read_from(Cursor::new(s.as_bytes())).unwrap()
}

fn read_bytes(b: &[u8]) -> (Vec<Record>, Vec<Warning>) {
    read_from(Cursor::new(b)).unwrap()
}

fn lines_warned(w: &[Warning]) -> Vec<usize> {
    w.iter().map(|w| w.line).collect()
}

#[test]
fn records_serialize_to_one_line_with_v_and_kind() {
    for record in [answer(TRICKY), session()] {
        let line = line_of(&record);
        assert!(!line.contains('\n'), "{line}");
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["v"], 1);
        assert!(value["kind"] == "answer" || value["kind"] == "session");
    }
}

#[test]
fn read_from_round_trips_both_kinds() {
    let text = format!("{}\n{}\n", line_of(&answer(TRICKY)), line_of(&session()));
    let (records, warnings) = read_str(&text);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(records, vec![answer(TRICKY), session()]);
}

#[test]
fn blank_lines_are_skipped_but_counted() {
    let text = format!("\n  \r\n{}\n\n{{oops\n", line_of(&session()));
    let (records, warnings) = read_str(&text);
    assert_eq!(records, vec![session()]);
    assert_eq!(lines_warned(&warnings), vec![5]);
}

#[test]
fn crlf_line_endings_are_read() {
    let text = format!("{}\r\n{}\r\n", line_of(&session()), line_of(&answer("x")));
    let (records, warnings) = read_str(&text);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(records.len(), 2);
}

#[test]
fn last_line_without_newline_is_read() {
    let text = format!("{}\n{}", line_of(&session()), line_of(&answer("end")));
    let (records, warnings) = read_str(&text);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(records, vec![session(), answer("end")]);
}

#[test]
fn broken_lines_warn_with_their_numbers_and_good_ones_survive() {
    let good_a = line_of(&answer("first"));
    let good_s = line_of(&session());
    let truncated = &good_a[..good_a.len() / 2];
    let unknown = good_s.replace("\"kind\":\"session\"", "\"kind\":\"reflection\"");
    let v2 = good_s.replace("\"v\":1", "\"v\":2");
    let no_v = good_s.replace("\"v\":1,", "");
    let no_kind = good_s.replace("\"kind\":\"session\",", "");
    let glued = format!("{truncated}{good_s}");
    let mut missing_field: serde_json::Value = serde_json::from_str(&good_a).unwrap();
    missing_field.as_object_mut().unwrap().remove("think_ms");

    let mut file: Vec<u8> = Vec::new();
    let mut push = |line: &[u8]| {
        file.extend_from_slice(line);
        file.push(b'\n');
    };
    push(good_a.as_bytes()); // 1
    push(b"this is not json"); // 2
    push(truncated.as_bytes()); // 3
    push(unknown.as_bytes()); // 4
    push(v2.as_bytes()); // 5
    push(b"[1, 2, 3]"); // 6
    push(b"{\"v\":1,\"kind\":\"answer\",\"text\":\"\xff\xfe\"}"); // 7: invalid UTF-8
    push(glued.as_bytes()); // 8
    push(no_v.as_bytes()); // 9
    push(no_kind.as_bytes()); // 10
    push(missing_field.to_string().as_bytes()); // 11
    push(good_s.as_bytes()); // 12

    let (records, warnings) = read_bytes(&file);
    assert_eq!(records, vec![answer("first"), session()]);
    // Line 4 (an unknown kind) is ignored without a word.
    assert_eq!(
        lines_warned(&warnings),
        [2, 3, 5, 6, 7, 8, 9, 10, 11].to_vec()
    );
    let msg = |line: usize| {
        warnings
            .iter()
            .find(|w| w.line == line)
            .map(|w| w.message.clone())
            .unwrap()
    };
    assert!(msg(2).starts_with("not valid JSON"), "{}", msg(2));
    assert!(msg(3).starts_with("not valid JSON"), "{}", msg(3));
    assert!(!msg(3).contains("line 1"), "{}", msg(3));
    assert!(
        msg(5).starts_with("format version 2 is newer") && msg(5).contains("1 record from"),
        "{}",
        msg(5)
    );
    assert_eq!(msg(6), "not a JSON object");
    assert!(msg(7).contains("UTF-8"), "{}", msg(7));
    assert!(msg(8).starts_with("not valid JSON"), "{}", msg(8));
    assert!(msg(9).contains("\"v\""), "{}", msg(9));
    assert!(msg(10).contains("\"kind\""), "{}", msg(10));
    assert!(msg(11).contains("think_ms"), "{}", msg(11));
}

/// A version or kind written as a string is quoted once in the warning
/// (`"1"`), not as the JSON text quoted again (`"\\"1\\""`).
#[test]
fn a_string_version_or_kind_is_quoted_once_in_its_warning() {
    let (_, warnings) = read_str("{\"v\":\"1\",\"kind\":\"answer\"}\n{\"v\":1,\"kind\":[\"a\"]}\n");
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0]
            .message
            .starts_with("format version \"1\" is not supported"),
        "{}",
        warnings[0].message
    );
    assert!(
        warnings[1]
            .message
            .starts_with("\"kind\" is \"[\\\"a\\\"]\", not a string"),
        "{}",
        warnings[1].message
    );
}

#[test]
fn unknown_fields_are_ignored_for_forward_compatibility() {
    let mut value: serde_json::Value = serde_json::from_str(&line_of(&session())).unwrap();
    value["mood"] = "calm".into();
    let (records, warnings) = read_str(&value.to_string());
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(records, vec![session()]);
}

#[test]
fn control_characters_from_the_file_are_escaped_in_warnings() {
    // JSON escapes, so the parsed version really holds ESC and BEL.
    let line = r#"{"v":"\u001b]0;pwned\u0007","kind":"answer"}"#;
    let (_, warnings) = read_str(line);
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].message.starts_with("format version"),
        "{warnings:?}"
    );
    assert!(!warnings[0].message.contains('\u{1b}'), "{warnings:?}");
    assert!(!warnings[0].message.contains('\u{7}'), "{warnings:?}");
}

#[test]
fn overlong_lines_are_skipped_without_losing_the_next() {
    let good = line_of(&session());
    let text = format!("{}\n{good}\n", "x".repeat(5000));
    let (records, warnings) =
        read_capped(BufReader::with_capacity(64, Cursor::new(text)), 1024).unwrap();
    assert_eq!(records, vec![session()]);
    assert_eq!(lines_warned(&warnings), vec![1]);
    assert!(warnings[0].message.contains("too long"), "{warnings:?}");
}

#[test]
fn lines_spanning_many_buffer_fills_are_joined() {
    let text = format!(
        "{}\n{}\n",
        line_of(&answer(&"🙈".repeat(300))),
        line_of(&session())
    );
    let (records, warnings) = read_from(BufReader::with_capacity(7, Cursor::new(text))).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(records, vec![answer(&"🙈".repeat(300)), session()]);
}

#[test]
fn format_warning_names_path_and_line() {
    let w = Warning {
        line: 12,
        message: "not a JSON object".into(),
    };
    assert_eq!(
        format_warning(Path::new("/h/history.jsonl"), &w),
        "/h/history.jsonl:12: skipped unreadable record: not a JSON object"
    );
}

#[test]
fn error_messages_name_the_path_and_the_remedy() {
    let path = Path::new("/h/history.jsonl");
    let denied = HistoryError::io(
        Action::Write,
        path,
        io::Error::from(ErrorKind::PermissionDenied),
    );
    assert_eq!(
        denied.to_string(),
        "cannot write /h/history.jsonl: permission denied; check the folder's permissions or pass --home DIR"
    );
    #[cfg(target_os = "linux")]
    {
        let full = HistoryError::io(Action::Write, path, io::Error::from_raw_os_error(28));
        assert_eq!(full.io_kind(), Some(ErrorKind::StorageFull));
        let msg = full.to_string();
        assert!(
            msg.starts_with("cannot write /h/history.jsonl: the disk is full"),
            "{msg}"
        );
    }
}

#[test]
fn open_creates_nothing_and_reads_empty() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("a").join("home");
    let history = History::open(&home).unwrap();
    assert_eq!(history.path(), home.join("history.jsonl"));
    let (records, warnings) = history.read().unwrap();
    assert!(records.is_empty() && warnings.is_empty());
    assert!(!dir.path().join("a").exists());
}

#[test]
fn append_then_read_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::open(&dir.path().join("home")).unwrap();
    history.append(&answer(TRICKY)).unwrap();
    history.append(&session()).unwrap();
    let (records, warnings) = history.read().unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(records, vec![answer(TRICKY), session()]);
    let raw = std::fs::read_to_string(history.path()).unwrap();
    assert_eq!(raw.lines().count(), 2);
    assert!(raw.ends_with('\n'));
}

#[test]
fn append_after_a_crash_mid_line_starts_a_new_line() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::open(dir.path()).unwrap();
    let good = line_of(&answer("kept"));
    let half = &good[..good.len() / 2];
    std::fs::write(history.path(), format!("{good}\n{half}")).unwrap();
    history.append(&session()).unwrap();
    let (records, warnings) = history.read().unwrap();
    assert_eq!(records, vec![answer("kept"), session()]);
    assert_eq!(lines_warned(&warnings), vec![2]);
}

#[test]
fn append_after_a_complete_but_unterminated_record_keeps_both() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::open(dir.path()).unwrap();
    std::fs::write(history.path(), line_of(&answer("old"))).unwrap();
    history.append(&session()).unwrap();
    let (records, warnings) = history.read().unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(records, vec![answer("old"), session()]);
}

#[test]
fn prepare_creates_home_and_empty_file_private_and_keeps_existing_bytes() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("new").join("home");
    let history = History::open(&home).unwrap();
    history.prepare().unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&home), 0o700);
    assert_eq!(mode(history.path()), 0o600);
    assert_eq!(std::fs::read(history.path()).unwrap(), b"");
    history.append(&session()).unwrap();
    let before = std::fs::read(history.path()).unwrap();
    history.prepare().unwrap();
    assert_eq!(std::fs::read(history.path()).unwrap(), before);
}

#[test]
fn prepare_fails_naming_the_path_when_home_is_under_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain");
    std::fs::write(&file, "x").unwrap();
    let history = History::open(&file.join("home")).unwrap();
    let err = history.prepare().unwrap_err().to_string();
    assert!(err.contains(&file.display().to_string()), "{err}");
}

#[test]
fn newer_versions_are_one_warning_with_their_count_and_unknown_kinds_are_silent() {
    let good = line_of(&session());
    let v2 = good.replace("\"v\":1", "\"v\":2");
    let v3 = good.replace("\"v\":1", "\"v\":3");
    let other = r#"{"v":1,"kind":"reflection","at":"2026-01-01T00:00:00Z"}"#;
    let text = format!("{good}\n{v2}\n{other}\n{v3}\n{v2}\n{good}\n");
    let (records, warnings) = read_str(&text);
    assert_eq!(records.len(), 2);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].line, 2);
    assert!(
        warnings[0].message.starts_with("format version 3 is newer")
            && warnings[0].message.contains("3 records from this line on"),
        "{warnings:?}"
    );
}

/// A record in exactly the documented shape, written by hand: no `wpm`,
/// no `filler_words`, pauses without `at_ms`, no `think_target_ms`.
#[test]
fn a_record_in_the_documented_shape_reads_fully() {
    let line = r#"{"v":1,"kind":"answer","session":"s1","at":"2026-11-22T09:15:02.123+01:00","mode":"daily","question":"weaknesses/greatest-weakness","category":"weaknesses","input":"typed","think_ms":4210,"answer_ms":61880,"limit_ms":90000,"overran":false,"skipped":false,"pauses":[{"at_word":3,"at_char":9,"ms":4500}],"words":42,"fillers":2,"revisions":7,"hint":true,"rating":null,"text":"I tend to over prepare"}"#;
    let (records, warnings) = read_str(line);
    assert!(warnings.is_empty(), "{warnings:?}");
    let [Record::Answer(a)] = records.as_slice() else {
        panic!("{records:?}");
    };
    assert_eq!(a.mode, Mode::Daily);
    assert_eq!(a.think_ms, 4210);
    assert_eq!(a.pauses[0].at_word, Some(3));
    assert_eq!(a.pauses[0].at_ms, None);
    assert_eq!(a.wpm, None);
    assert!(a.filler_words.is_empty());
    assert_eq!(a.fillers, Some(2));
    assert_eq!(a.think_target_ms, None);
    assert_eq!(a.think_target(), 10_000);
    assert!(a.moves_schedule());
    assert_eq!(a.at.to_string(), "2026-11-22T09:15:02.123+01:00");
    // The documented session and rating shapes too.
    let session = r#"{"v":1,"kind":"session","session":"s1","started":"2026-11-22T09:14:00Z","ended":"2026-11-22T09:20:00Z","mode":"daily","answered":1,"skipped":0,"interrupted":false}"#;
    let rating = r#"{"v":1,"kind":"rating","session":"s1","question":"weaknesses/greatest-weakness","answer_at":"2026-11-22T09:15:02.123+01:00","rating":2}"#;
    let (records, warnings) = read_str(&format!("{session}\n{rating}\n"));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(matches!(records[0], Record::Session(_)));
    let Record::Rating(r) = &records[1] else {
        panic!("{records:?}");
    };
    assert_eq!(r.rating, 2);
    assert_eq!(r.answer_at, a.at);
}

#[test]
fn new_records_store_milliseconds_with_an_offset_and_wpm_to_two_decimals() {
    let Record::Answer(mut a) = answer("x") else {
        unreachable!()
    };
    a.at = crate::drill::Stamp::parse("2026-11-22T09:15:02.1+01:00").unwrap();
    a.wpm = Some(40.123_456);
    a.think_target_ms = Some(20_000);
    let line = line_of(&Record::Answer(a));
    assert!(
        line.contains(r#""at":"2026-11-22T09:15:02.100+01:00""#),
        "{line}"
    );
    assert!(line.contains(r#""wpm":40.12,"#), "{line}");
    assert!(line.contains(r#""think_target_ms":20000"#), "{line}");
    // Absent optional fields are not written as nulls.
    assert!(
        !line.contains("followup") && !line.contains("truncated"),
        "{line}"
    );
}

/// `forget` renames a new file over the history while holding its lock;
/// writers racing with it must land every record in the file in place.
#[test]
fn appends_racing_with_forget_are_never_lost() {
    let dir = tempfile::tempdir().unwrap();
    let history = History::open(dir.path()).unwrap();
    history.append(&session()).unwrap();
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let history = history.clone();
            std::thread::spawn(move || {
                for i in 0..100 {
                    history.append(&answer(&format!("w{w}-{i}"))).unwrap();
                }
            })
        })
        .collect();
    // A bounded number of rewrites, spaced so the writers get the lock in
    // between (flock is not fair: a tight loop could starve them).
    let mut rewrites = 0;
    while rewrites < 40 && writers.iter().any(|w| !w.is_finished()) {
        history.forget("nobody", &|_| {}).unwrap();
        rewrites += 1;
        std::thread::sleep(std::time::Duration::from_millis(3));
    }
    for w in writers {
        w.join().unwrap();
    }
    let (records, warnings) = history.read().unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let answers = records
        .iter()
        .filter(|r| matches!(r, Record::Answer(_)))
        .count();
    assert_eq!(answers, 400, "after {rewrites} rewrites");
}

/// Reads `text` through a chunker asking `read` bytes at a time, lines
/// capped at `max_line`.
fn read_chunked(text: &str, read: usize, max_line: usize) -> (Vec<Record>, Vec<Warning>) {
    let mut chunker = Chunker::new(Cursor::new(text.as_bytes()), max_line);
    chunker.read = read;
    let mut records = Vec::new();
    let (_, warnings) = scan_lines(
        chunker,
        || (),
        |(), _, b| parse_line(b),
        |r| records.push(r),
    )
    .unwrap();
    (records, warnings)
}

#[test]
fn an_overlong_line_is_never_held() {
    // 5,000 bytes against a 1,024-byte cap, read 64 bytes at a time: the
    // batch keeps no byte of it (an empty line holds its place), and the
    // next line reads whole.
    let text = format!("{}\nshort\n", "x".repeat(5000));
    let mut chunker = Chunker::new(Cursor::new(text), 1024);
    chunker.read = 64;
    let batch = chunker.next_batch().unwrap().unwrap();
    assert_eq!(batch.bytes, b"\nshort\n");
    assert_eq!(batch.long, vec![(0, 5000)]);
    assert!(chunker.next_batch().unwrap().is_none());
    // Also when the file ends inside it, and after other lines.
    let text = format!("short\n\n{}", "y".repeat(3000));
    let mut chunker = Chunker::new(Cursor::new(text), 1024);
    chunker.read = 100;
    let batch = chunker.next_batch().unwrap().unwrap();
    assert_eq!(batch.bytes, b"short\n\n\n");
    assert_eq!(batch.long, vec![(2, 3000)]);
}

#[test]
fn any_read_size_and_cap_read_the_same_lines_and_warnings() {
    let records = [
        line_of(&answer("short")),
        line_of(&session()),
        line_of(&answer(&"🙈".repeat(100))),
        line_of(&answer("no newline at the end")),
    ];
    // A cap over every record, and a line over the cap.
    let cap = records.iter().map(String::len).max().unwrap() + 10;
    let long = "z".repeat(cap + 50);
    let text = format!(
        "{}\n\n{{broken\n{}\r\n{long}\n   \n{}\n{}",
        records[0], records[1], records[2], records[3]
    );
    let (want, want_w) = read_str(&text);
    assert_eq!(want.len(), 4);
    assert_eq!(lines_warned(&want_w), vec![3, 5]);
    assert!(
        want_w[1].message.starts_with("not valid JSON"),
        "{want_w:?}"
    );
    for read in [1, 2, 5, 17, 64, 300, 4096, 1 << 20] {
        let (records, warnings) = read_chunked(&text, read, MAX_LINE_BYTES);
        assert_eq!(records, want, "read {read}");
        assert_eq!(warnings, want_w, "read {read}");
        // Capped: the same records, the long line now "too long".
        let (records, warnings) = read_chunked(&text, read, cap);
        assert_eq!(records, want, "read {read}");
        assert_eq!(lines_warned(&warnings), vec![3, 5], "read {read}");
        let said = format!("too long ({} bytes", cap + 50);
        assert!(warnings[1].message.contains(&said), "{warnings:?}");
    }
}

/// The reading threads' reused answer: every record read as the owned
/// path reads it, a line leaving out optional fields included (nothing of
/// the line before survives), over many batches and threads.
#[test]
fn answers_read_in_place_are_the_records_read_whole() {
    let mut full = answer("first, with every optional field");
    if let Record::Answer(a) = &mut full {
        a.company = Some("Acme".into());
        a.role = Some("SRE".into());
        a.followup = Some(2);
        a.think_target_ms = Some(5_000);
        a.pasted_words = 4;
        a.truncated = true;
        a.audio = Some("a.wav".into());
    }
    let bare = r#"{"v":1,"kind":"answer","session":"s1","at":"2025-03-01T09:31:12.250Z","mode":"daily","question":"weaknesses/greatest-weakness","category":"weaknesses","input":"typed","think_ms":4210,"answer_ms":61880,"limit_ms":90000,"overran":false,"skipped":true,"pauses":[],"revisions":0,"hint":false,"text":"bare"}"#;
    let mut text = String::new();
    for i in 0..3_000 {
        match i % 4 {
            0 => text.push_str(&line_of(&full)),
            1 => text.push_str(bare),
            2 => text.push_str(&line_of(&session())),
            _ => text.push_str(r#"{"v":1,"kind":"answer","text":5}"#),
        }
        text.push('\n');
    }
    let (want, want_w) = read_str(&text);
    assert_eq!(want.len(), 2_250);
    let mut got = Vec::new();
    let got_w = scan_from_with(
        Cursor::new(text.as_bytes()),
        || (),
        |(), r| r.clone(),
        |r| got.push(r),
    )
    .unwrap();
    assert_eq!(got_w, want_w);
    assert_eq!(got, want);
}

#[test]
fn lines_read_in_place_or_copied_out_read_the_same() {
    // Short lines sit wholly in the buffer (read in place); with a small
    // buffer the same lines span fills (copied out): same records, same
    // warning lines, whatever the buffer size.
    let text = format!(
        "{}\n\n{{broken\n{}\r\n   \n{}",
        line_of(&answer("short")),
        line_of(&session()),
        line_of(&answer("no newline at the end"))
    );
    let (want, want_w) = read_str(&text);
    assert_eq!(want.len(), 3);
    assert_eq!(lines_warned(&want_w), vec![3]);
    for cap in [1, 2, 5, 17, 64, 300, 4096] {
        let (records, warnings) =
            read_from(BufReader::with_capacity(cap, Cursor::new(text.clone()))).unwrap();
        assert_eq!(records, want, "capacity {cap}");
        assert_eq!(warnings, want_w, "capacity {cap}");
    }
}

/// More lines than one batch holds: parsed on the worker threads, handed
/// on in file order, every warning at its own line.
#[test]
fn a_history_of_many_batches_reads_in_order_with_its_line_numbers() {
    let mut text = String::new();
    let mut bad = Vec::new();
    for i in 1..=6_000usize {
        if i % 1_000 == 7 {
            text.push_str("{broken\n");
            bad.push(i);
        } else {
            text.push_str(&line_of(&answer(&format!("answer {i}"))));
            text.push('\n');
        }
    }
    let (records, warnings) = read_str(&text);
    assert_eq!(records.len(), 6_000 - bad.len());
    assert_eq!(lines_warned(&warnings), bad);
    let texts: Vec<String> = records
        .iter()
        .map(|r| match r {
            Record::Answer(a) => a.text.clone(),
            _ => String::new(),
        })
        .collect();
    let want: Vec<String> = (1..=6_000usize)
        .filter(|i| i % 1_000 != 7)
        .map(|i| format!("answer {i}"))
        .collect();
    assert_eq!(texts, want);
}

/// A history of `batches` batches' worth of answers, one per line, their
/// texts `answer 1`, `answer 2`, … (line numbers).
fn many_batches(batches: usize) -> String {
    let mut text = String::new();
    let mut i = 0usize;
    while text.len() < batches * BATCH_BYTES {
        i += 1;
        text.push_str(&line_of(&answer(&format!("answer {i}"))));
        text.push('\n');
    }
    text
}

/// A fold that panics on one reading thread while the other is still
/// waiting for work passes the panic on: `stats` crashes with the bug's
/// message instead of hanging with its user left waiting. The panic is on
/// the first line of the first batch (every batch in flight still out),
/// of the second (the other parser), and of the last.
#[test]
fn a_parser_that_panics_passes_its_panic_on_instead_of_hanging() {
    let text = std::sync::Arc::new(many_batches(12));
    let (firsts, _) = fold_from(Cursor::new(text.as_bytes()), Vec::new, |firsts, at, _| {
        if at == Position::of((at.0 >> 32) as usize, 0) {
            firsts.push(at);
        }
    })
    .unwrap();
    let mut firsts = firsts.concat();
    firsts.sort();
    assert!(firsts.len() > 2 * IN_FLIGHT, "{firsts:?}");
    for at in [firsts[0], firsts[1], firsts[firsts.len() - 1]] {
        let (tx, rx) = std::sync::mpsc::channel();
        let text = std::sync::Arc::clone(&text);
        std::thread::spawn(move || {
            let outcome = std::panic::catch_unwind(|| {
                fold_from(
                    Cursor::new(text.as_bytes()),
                    || (),
                    |(), here, _| {
                        assert_ne!(here, at, "a bug in a fold");
                    },
                )
            });
            let _ = tx.send(outcome.map(|r| r.map(|(states, _)| states.len())));
        });
        let outcome = rx
            .recv_timeout(std::time::Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("{at:?}: the read hung instead of panicking"));
        assert!(outcome.is_err(), "{at:?}: the panic was lost: {outcome:?}");
    }
}

/// A fold over many batches sees every record the in-order read sees,
/// once, at positions that sort into file order, and warns of the same
/// lines: a torn line in the middle of the file (a crash mid-write, then
/// more appends), blank lines, and a last line without its newline.
#[test]
fn a_fold_sees_every_record_once_in_file_order_and_warns_of_the_same_lines() {
    let mut text = many_batches(10);
    // Torn lines at about a third and two thirds of the file, whole
    // records after each.
    let torn = line_of(&answer("torn"));
    let torn = &torn[..torn.len() / 2];
    for cut in [text.len() / 3, 2 * text.len() / 3] {
        let line_start = text[..cut].rfind('\n').unwrap() + 1;
        text.insert_str(line_start, &format!("{torn}\n\n"));
    }
    text.push_str(&line_of(&answer("no newline at the end")));
    let (want, want_w) = read_str(&text);
    assert_eq!(want_w.len(), 2, "{want_w:?}");
    let lines: Vec<&str> = text.split('\n').collect();
    for w in &want_w {
        assert_eq!(lines[w.line - 1], torn, "{w:?}");
    }
    let (parts, warnings) = fold_from(Cursor::new(text.as_bytes()), Vec::new, |seen, at, r| {
        seen.push((at, r.clone()));
    })
    .unwrap();
    assert_eq!(warnings, want_w);
    assert_eq!(parts.len(), 2, "read on both threads");
    for part in &parts {
        assert!(part.windows(2).all(|w| w[0].0 < w[1].0), "a part in order");
    }
    let mut got = parts.concat();
    got.sort_by_key(|(at, _)| *at);
    let got: Vec<Record> = got.into_iter().map(|(_, r)| r).collect();
    assert_eq!(got, want);
}
