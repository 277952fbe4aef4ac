//! `hotseat export` end to end on the fixture history: every format
//! snapshotted with a fixed today, CSV and HTML parsed back, hostile text
//! escaped, `--output` private and written whole.

mod report_util;

use report_util::{ReportHome, fixture, ok, stderr};
use serde_json::Value;

fn export(home: &ReportHome, args: &[&str]) -> String {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    ok(&home.run(&all))
}

/// A small CSV reader (RFC 4180 quoting), to read the export back.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    rows
}

/// Checks `html` is well-formed XML-style markup using only the elements
/// a report needs: every tag closed in order, attributes quoted, only the
/// five standard entities (or numeric ones), no script anywhere.
fn check_html(html: &str) {
    const ALLOWED: [&str; 23] = [
        "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "table", "thead",
        "tbody", "tr", "th", "td", "span", "svg", "line", "text", "polyline", "circle", "rect",
        "g",
    ];
    assert!(
        !html.to_ascii_lowercase().contains("<script"),
        "a script tag"
    );
    let body = html
        .strip_prefix("<!DOCTYPE html>\n")
        .expect("starts with the doctype");
    let mut stack: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find(['<', '&']) {
        let (text, tail) = rest.split_at(i);
        assert!(!text.contains('>'), "a stray '>' in text: {text:?}");
        if tail.starts_with('&') {
            let end = tail.find(';').expect("an entity ends with ;");
            let name = &tail[1..end];
            assert!(
                ["amp", "lt", "gt", "quot", "#39"].contains(&name)
                    || (name.starts_with('#') && name[1..].chars().all(|c| c.is_ascii_digit())),
                "unknown entity &{name};"
            );
            rest = &tail[end + 1..];
            continue;
        }
        let end = tail.find('>').expect("a tag ends with >");
        let tag = &tail[1..end];
        rest = &tail[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name),
                "closing </{name}> out of order"
            );
            continue;
        }
        let self_closed = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name: String = tag
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(
            ALLOWED.contains(&name.as_str()),
            "unexpected element <{name}>"
        );
        // Attributes: name="value" pairs, values without < or ".
        let mut attrs = tag[name.len()..].trim();
        while !attrs.is_empty() {
            let eq = attrs
                .find("=\"")
                .unwrap_or_else(|| panic!("unquoted attribute in <{tag}>"));
            let attr = &attrs[..eq];
            assert!(
                attr.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':'),
                "odd attribute name {attr:?}"
            );
            assert!(
                !attr.starts_with("on"),
                "an event handler attribute {attr:?}"
            );
            assert!(
                !["src", "href"].contains(&attr),
                "an external resource {attr:?}"
            );
            let value_end = attrs[eq + 2..].find('"').expect("attribute value closed");
            assert!(!attrs[eq + 2..eq + 2 + value_end].contains('<'));
            attrs = attrs[eq + 2 + value_end + 1..].trim_start();
        }
        if name == "style" {
            // CSS holds no markup: skip to its end.
            let close = rest.find("</style>").expect("style closed");
            assert!(!rest[..close].contains('<'));
            rest = &rest[close..];
        }
        if !self_closed {
            stack.push(name);
        }
    }
    assert!(!rest.contains('>'), "a stray '>' at the end");
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
}

#[test]
fn csv_has_a_header_and_one_row_per_answer() {
    let home = ReportHome::with(&fixture());
    let rows = parse_csv(&export(&home, &["--format", "csv"]));
    assert_eq!(rows[0][0], "session");
    assert_eq!(rows[0].len(), 20);
    assert_eq!(rows.len(), 1 + 10);
    assert!(rows.iter().all(|r| r.len() == 20), "{rows:?}");
    let hostile = rows.iter().find(|r| r[19].contains("script")).unwrap();
    assert!(hostile[19].contains("\"quoted\""), "{hostile:?}");
    assert!(
        hostile[19].contains("\\x1b[2J"),
        "escape sanitized: {hostile:?}"
    );
    // The later rating is in the row of the answer it rates.
    let rated = rows
        .iter()
        .find(|r| r[3] == "strengths/top-strength" && r[0].ends_with("bbbb"))
        .unwrap();
    assert_eq!(rated[18], "2");
    let week = parse_csv(&export(&home, &["--format", "csv", "--since", "7d"]));
    assert_eq!(week.len(), 1 + 5);
    let one = parse_csv(&export(&home, &["--format", "csv", "--session", "last"]));
    assert_eq!(one.len(), 1 + 2);
    assert!(one[1..].iter().all(|r| r[0] == "20261130-233000-dddd"));
}

#[test]
fn json_is_the_records_as_stored() {
    let home = ReportHome::with(&fixture());
    let v: Value = serde_json::from_str(&export(&home, &["--format", "json"])).unwrap();
    let records = v.as_array().unwrap();
    let stored: Vec<Value> = fixture()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), stored.len());
    for (got, want) in records.iter().zip(&stored) {
        assert_eq!(got["kind"], want["kind"]);
        for (key, value) in want.as_object().unwrap() {
            assert_eq!(&got[key], value, "{key} of {want}");
        }
    }
    let one: Value = serde_json::from_str(&export(
        &home,
        &["--format", "json", "--session", "20261123-020000-bbbb"],
    ))
    .unwrap();
    // Three answers, the session record, the rating.
    assert_eq!(one.as_array().unwrap().len(), 5);
}

#[test]
fn html_is_well_formed_self_contained_and_escapes_hostile_text() {
    let hostile = r#"{"v":1,"kind":"answer","session":"s-<b>x</b>","at":"2026-11-30T10:00:00.000Z","mode":"drill","question":"evil\"cat/<img src=x onerror=alert(1)>","category":"evil\"cat<svg onload=alert(1)>","input":"typed","think_ms":5000,"answer_ms":9000,"limit_ms":90000,"overran":false,"skipped":false,"pauses":[{"at_word":1,"at_char":3,"ms":4000}],"words":3,"fillers":0,"revisions":0,"hint":false,"rating":null,"text":"</td></tr></table><script>alert(1)</script> &amp; ]]> <!-- \u202e"}"#;
    let home = ReportHome::with(&format!("{}{hostile}\n", fixture()));
    let html = export(&home, &["--format", "html"]);
    check_html(&html);
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "answer text escaped"
    );
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "question escaped"
    );
    assert!(
        html.contains("evil&quot;cat&lt;svg onload=alert(1)&gt;"),
        "category escaped"
    );
    assert!(
        html.contains("&amp;amp;"),
        "an entity in the text shows as typed"
    );
    assert!(html.contains("\\u{202e}"), "bidi override made visible");
    assert!(html.contains("<svg"), "inline charts");
    assert_eq!(
        html.matches("<svg").count(),
        3,
        "think time, pauses, calendar"
    );
    assert!(!html.contains("<link") && !html.contains("<img") && !html.contains("url("));
    // The fixture alone, too.
    check_html(&export(
        &ReportHome::with(&fixture()),
        &["--format", "html"],
    ));
    check_html(&export(&ReportHome::empty(), &["--format", "html"]));
}

#[test]
fn markdown_tables_cannot_be_broken_by_answers() {
    let home = ReportHome::with(&fixture());
    let md = export(&home, &["--format", "md"]);
    assert!(md.starts_with("# hotseat practice report"));
    for line in md.lines().filter(|l| l.starts_with('|')) {
        // Every row of a table has as many unescaped pipes as its header.
        let pipes = line.replace("\\|", "").matches('|').count();
        assert!(pipes == 9 || pipes == 7 || pipes == 11, "{pipes}: {line}");
    }
    assert!(md.contains("&lt;/script&gt;"), "{md}");
    assert!(!md.contains("<script"));
}

#[test]
fn output_goes_through_a_private_file_written_whole() {
    let home = ReportHome::with(&fixture());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    std::fs::write(&path, "old").unwrap();
    let out = home.run(&[
        "export",
        "--format",
        "html",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!(ok(&out), "");
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, export(&home, &["--format", "html"]));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file left behind");
    let bad = home.run(&[
        "export",
        "--format",
        "csv",
        "--output",
        "/nonexistent/dir/x.csv",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("/nonexistent/dir/x.csv"),
        "{}",
        stderr(&bad)
    );
    let unknown = home.run(&["export", "--format", "csv", "--session", "nope"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("hotseat history"));
}

#[test]
fn snapshot_each_format() {
    let home = ReportHome::with(&fixture());
    for format in ["md", "csv", "json", "html"] {
        insta::assert_snapshot!(
            format!("export_{format}"),
            export(&home, &["--format", format])
        );
    }
}
