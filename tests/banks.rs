//! `hotseat banks list|show|check` driven through the real binary: output
//! shapes, every malformed-bank kind (exit 2, file and line named, no
//! panic), user banks overriding built-ins, and terminal safety.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The built-in categories, from the catalog the binary embeds (which
/// ten there are is pinned once, by the catalog's own unit test).
fn builtin_categories() -> Vec<String> {
    let catalog = hotseat::bank::Catalog::builtin();
    catalog.categories().into_iter().map(String::from).collect()
}

/// A scratch home and working directory, so the user's real home is never
/// read and nothing depends on the current directory.
struct Env {
    dir: TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    fn cwd(&self) -> PathBuf {
        let cwd = self.dir.path().join("cwd");
        std::fs::create_dir_all(&cwd).unwrap();
        cwd
    }

    /// Writes `bytes` to `name` under the scratch folder.
    fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("hotseat").unwrap();
        cmd.env_remove("HOTSEAT_HOME")
            .env("NO_COLOR", "1")
            .current_dir(self.cwd())
            .arg("--home")
            .arg(self.home());
        cmd
    }
}

struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(mut cmd: Command, args: &[&str]) -> Out {
    let out = cmd.args(args).output().unwrap();
    let out = Out {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    };
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    out
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

#[test]
fn list_shows_the_ten_builtin_banks_from_an_empty_directory() {
    let env = Env::new();
    let out = run(env.cmd(), &["banks", "list"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let categories = builtin_categories();
    assert_eq!(categories.len(), 10, "{categories:?}");
    for category in &categories {
        assert!(
            out.stdout.contains(category.as_str()),
            "{category} missing:\n{}",
            out.stdout
        );
    }
    assert!(out.stdout.contains("built-in"));
    assert!(out.stdout.contains("10 banks"));
    assert!(
        !env.home().exists(),
        "listing must not create the home folder"
    );
}

#[test]
fn list_json_has_the_documented_shape() {
    let env = Env::new();
    let out = run(env.cmd(), &["banks", "list", "--json"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let banks = json(&out.stdout);
    let banks = banks.as_array().unwrap();
    assert_eq!(banks.len(), 10);
    let total: u64 = banks.iter().map(|b| b["questions"].as_u64().unwrap()).sum();
    assert!(total >= 330, "{total} questions");
    let categories = builtin_categories();
    for b in banks {
        assert!(
            categories.iter().any(|c| b["category"] == c.as_str()),
            "{b}"
        );
        assert!(!b["title"].as_str().unwrap().is_empty());
        assert!(b["questions"].as_u64().unwrap() >= 1);
        assert_eq!(b["source"], "built-in");
    }
}

#[test]
fn show_prints_questions_followups_tips_and_limits() {
    let env = Env::new();
    let out = run(env.cmd(), &["banks", "show", "weaknesses"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("(weaknesses)"));
    assert!(out.stdout.contains("follow-up: "));
    assert!(out.stdout.contains("tip: "));
    assert!(out.stdout.contains("[limit "));
}

#[test]
fn show_json_has_the_documented_shape() {
    let env = Env::new();
    let out = run(env.cmd(), &["banks", "show", "curveballs", "--json"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let bank = json(&out.stdout);
    assert_eq!(bank["category"], "curveballs");
    assert!(bank["title"].is_string());
    let questions = bank["questions"].as_array().unwrap();
    assert!(!questions.is_empty());
    for q in questions {
        assert!(q["id"].is_string() && q["text"].is_string(), "{q}");
        assert!(q["followups"].is_array() && q["tips"].is_array(), "{q}");
        assert!(q["limit_ms"].as_u64().unwrap() >= 1000, "{q}");
    }
}

/// A situational question is marked where its id is, with the flag that
/// draws it; `--json` carries `situation` (null when it fits everyone).
#[test]
fn show_marks_situational_questions_and_json_carries_the_situation() {
    let env = Env::new();
    let out = run(env.cmd(), &["banks", "show", "tell-me-about-yourself"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let marked: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains("· situation: "))
        .collect();
    assert!(
        marked.iter().any(|l| l.contains(". gap-on-cv  [")
            && l.ends_with("situation: employment-gap (drawn with --situation employment-gap)")),
        "{marked:?}"
    );
    assert!(
        !out.stdout
            .contains(". tell-me-about-yourself  [limit 1m30s, think 10s] ·")
    );
    let out = run(
        env.cmd(),
        &["banks", "show", "tell-me-about-yourself", "--json"],
    );
    let bank = json(&out.stdout);
    let questions = bank["questions"].as_array().unwrap();
    let (_, gap) = question(&bank, "gap-on-cv");
    assert_eq!(gap["situation"], "employment-gap");
    let (_, opener) = question(&bank, "tell-me-about-yourself");
    assert!(opener["situation"].is_null(), "{opener}");
    let situational = questions
        .iter()
        .filter(|q| q["situation"].is_string())
        .count();
    assert_eq!(marked.len(), situational);
}

#[test]
fn show_unknown_category_exits_2_naming_the_known_ones() {
    let env = Env::new();
    let out = run(env.cmd(), &["banks", "show", "weaknes"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("\"weaknes\""), "{}", out.stderr);
    assert!(
        out.stderr.contains("Did you mean weaknesses?"),
        "{}",
        out.stderr
    );
    for category in builtin_categories() {
        assert!(out.stderr.contains(&category), "{}", out.stderr);
    }
}

const FIXTURE: &str = "\
category: mock-panel
title: Mock panel
description: |
  A small fixture bank for the snapshot:
  two questions, one with everything.
limit: 1m
think: 5s
questions:
  - id: why-us
    text: Why do you want to work at {company} as {role}?
    followups:
      - What would you change about our product?
    tips:
      - Name something specific you found out about them.
      - Tie it to what you want to do next.
    limit: 1m30s
    tags: [classic, research]
    situation: career-change
  - id: pressure
    text: |
      Sell me this pen.
      You have thirty seconds.
    tips:
      - Ask what the buyer needs before you pitch.
    think: 3s
";

#[test]
fn show_of_a_fixture_bank_matches_the_snapshot() {
    let env = Env::new();
    std::fs::write(env.cwd().join("fixture.yaml"), FIXTURE).unwrap();
    let out = run(
        env.cmd(),
        &["--bank", "fixture.yaml", "banks", "show", "mock-panel"],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    insta::assert_snapshot!("show_fixture", out.stdout);
    let out = run(
        env.cmd(),
        &[
            "--bank",
            "fixture.yaml",
            "banks",
            "show",
            "mock-panel",
            "--json",
        ],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    insta::assert_json_snapshot!("show_fixture_json", json(&out.stdout));
}

#[test]
fn check_reports_ok_files_with_a_summary_line() {
    let env = Env::new();
    let good = env.file("good.yaml", FIXTURE);
    let out = run(env.cmd(), &["banks", "check", good.to_str().unwrap()]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        format!(
            "{}: ok — category mock-panel, 2 questions\n",
            good.display()
        )
    );
}

#[test]
fn check_expands_folders_and_reports_every_bad_file() {
    let env = Env::new();
    env.file("set/a-good.yaml", FIXTURE);
    env.file("set/b-bad.yml", "category: b\nquestions: []\n");
    env.file(
        "set/c-bad.yaml",
        "category: c\nquestions:\n  - id: x\n    txt: y\n",
    );
    env.file("set/notes.txt", "not a bank");
    let out = run(
        env.cmd(),
        &[
            "banks",
            "check",
            env.dir.path().join("set").to_str().unwrap(),
        ],
    );
    assert_eq!(out.code, Some(2));
    assert!(
        out.stdout
            .contains("a-good.yaml: ok — category mock-panel, 2 questions"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr
            .contains("b-bad.yml:2:1: questions: the question list is empty"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("c-bad.yaml:4:5: questions[0].txt: unknown field"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("c-bad.yaml:3:5: questions[0].text: missing field"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("3 problems in 2 of 3 files"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("notes.txt"));
}

fn billion_laughs() -> String {
    let mut src = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let p = i - 1;
        src.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    src + "category: lol\nquestions:\n  - id: a\n    text: b\n    tags: *a9\n"
}

/// Each malformed kind: file contents, what the message must say, and the
/// `:line:` it must name when the position is known.
fn malformed() -> Vec<(&'static str, Vec<u8>, &'static str, Option<&'static str>)> {
    let q = "questions:\n  - id: a\n    text: Why?\n";
    vec![
        (
            "invalid-yaml",
            b"category: a\nquestions:\n  - id: a\n   text: [x\n".to_vec(),
            "invalid YAML",
            Some(":4:"),
        ),
        (
            "no-category",
            format!("title: A\n{q}").into_bytes(),
            "missing field `category`",
            None,
        ),
        (
            "no-questions",
            b"category: a\n".to_vec(),
            "missing field `questions`",
            None,
        ),
        (
            "no-id",
            b"category: a\nquestions:\n  - text: b\n".to_vec(),
            "questions[0].id: missing field `id`",
            Some(":3:5:"),
        ),
        (
            "no-text",
            b"category: a\nquestions:\n  - id: b\n".to_vec(),
            "questions[0].text: missing field `text`",
            Some(":3:5:"),
        ),
        (
            "unknown-field",
            b"category: a\nquestions:\n  - id: a\n    txt: b\n".to_vec(),
            "questions[0].txt: unknown field \"txt\"",
            Some(":4:5:"),
        ),
        (
            "duplicate-id",
            b"category: a\nquestions:\n  - id: a\n    text: b\n  - id: a\n    text: c\n".to_vec(),
            "duplicate id \"a\": first used at line 3, again at line 5",
            Some(":5:5:"),
        ),
        (
            "blank-text",
            b"category: a\nquestions:\n  - id: a\n    text: '   '\n".to_vec(),
            "the question text is blank",
            Some(":4:5:"),
        ),
        (
            "empty-list",
            b"category: a\nquestions: []\n".to_vec(),
            "the question list is empty",
            Some(":2:1:"),
        ),
        (
            "bad-duration",
            format!("category: a\nlimit: ninety\n{q}").into_bytes(),
            "\"ninety\" is not a duration",
            Some(":2:1:"),
        ),
        (
            "bad-placeholder",
            b"category: a\nquestions:\n  - id: a\n    text: Why {compnay}?\n".to_vec(),
            "unknown placeholder \"{compnay}\"",
            Some(":4:15:"),
        ),
        (
            "not-kebab-category",
            format!("category: Five Year\n{q}").into_bytes(),
            "is not kebab-case",
            Some(":1:1:"),
        ),
        (
            "not-kebab-id",
            b"category: a\nquestions:\n  - id: Why_Us\n    text: b\n".to_vec(),
            "id \"Why_Us\" is not kebab-case",
            Some(":3:5:"),
        ),
        (
            "not-kebab-situation",
            b"category: a\nquestions:\n  - id: a\n    text: b\n    situation: Lay Off\n".to_vec(),
            "situation \"Lay Off\" is not kebab-case",
            Some(":5:5:"),
        ),
        (
            "blank-situation",
            b"category: a\nquestions:\n  - id: a\n    text: b\n    situation: ''\n".to_vec(),
            "situation \"\" is not kebab-case",
            Some(":5:5:"),
        ),
        (
            "non-utf8",
            b"category: a\nquestions:\n  - id: a\n    text: caf\xe9\n".to_vec(),
            "not UTF-8",
            Some(":4:14:"),
        ),
        (
            "billion-laughs",
            billion_laughs().into_bytes(),
            "repetition limit",
            None,
        ),
        (
            "deep-nesting",
            format!(
                "category: a\nquestions: {}{}\n",
                "[".repeat(10_000),
                "]".repeat(10_000)
            )
            .into_bytes(),
            "nested more than 64 deep",
            Some(":2:"),
        ),
        (
            "too-big",
            format!("category: a\n{q}# {}\n", "x".repeat(1024 * 1024)).into_bytes(),
            "at most 1048576 bytes (1 MiB)",
            None,
        ),
    ]
}

#[test]
fn every_malformed_kind_exits_2_naming_file_and_line() {
    let env = Env::new();
    for (name, bytes, says, line) in malformed() {
        let path = env.file(&format!("{name}.yaml"), &bytes);
        let out = run(env.cmd(), &["banks", "check", path.to_str().unwrap()]);
        assert_eq!(out.code, Some(2), "{name}: {}", out.stderr);
        let file = format!("{}", path.display());
        assert!(
            out.stderr.contains(&file),
            "{name}: file not named:\n{}",
            out.stderr
        );
        assert!(
            out.stderr.contains(says),
            "{name}: expected {says:?} in:\n{}",
            out.stderr
        );
        if let Some(line) = line {
            assert!(
                out.stderr.contains(&format!("{file}{line}")),
                "{name}: expected {file}{line} in:\n{}",
                out.stderr
            );
        }
    }
}

#[test]
fn an_invalid_user_bank_fails_list_and_show_with_its_location() {
    let env = Env::new();
    let bad = "category: weaknesses\nquestions:\n  - id: mine\n    txt: oops\n";
    env.file("home/banks/mine.yaml", bad);
    for args in [&["banks", "list"][..], &["banks", "show", "weaknesses"]] {
        let out = run(env.cmd(), args);
        assert_eq!(out.code, Some(2), "{args:?}");
        assert!(
            out.stderr
                .contains("mine.yaml:4:5: questions[0].txt: unknown field"),
            "{}",
            out.stderr
        );
        assert!(
            out.stderr.contains("fix: did you mean `text`?"),
            "{}",
            out.stderr
        );
    }
    let extra = env.file("extra.yaml", "category: a\nquestions: []\n");
    let out = run(
        env.cmd(),
        &["--bank", extra.to_str().unwrap(), "banks", "list"],
    );
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("extra.yaml:2:1:"), "{}", out.stderr);
}

fn question<'a>(bank: &'a Value, id: &str) -> (usize, &'a Value) {
    bank["questions"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .find(|(_, q)| q["id"] == id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

#[test]
fn home_banks_override_builtin_questions_in_place_and_add_new_ones() {
    let env = Env::new();
    let builtin = json(&run(env.cmd(), &["banks", "show", "weaknesses", "--json"]).stdout);
    let first_id = builtin["questions"][0]["id"].as_str().unwrap().to_string();
    let count = builtin["questions"].as_array().unwrap().len();
    let mine = env.file(
        "home/banks/weak.yaml",
        format!(
            "category: weaknesses\nlimit: 45s\nquestions:\n  - id: {first_id}\n    text: My own wording\n  - id: brand-new\n    text: A new one\n"
        ),
    );
    let merged = json(&run(env.cmd(), &["banks", "show", "weaknesses", "--json"]).stdout);
    let (i, q) = question(&merged, &first_id);
    assert_eq!(i, 0, "overridden in place");
    assert_eq!(q["text"], "My own wording");
    assert_eq!(q["limit_ms"], 45_000);
    let (i, _) = question(&merged, "brand-new");
    assert_eq!(i, count, "new ids are appended");
    assert_eq!(merged["questions"].as_array().unwrap().len(), count + 1);

    let list = json(&run(env.cmd(), &["banks", "list", "--json"]).stdout);
    let weak = list
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["category"] == "weaknesses")
        .unwrap();
    assert_eq!(weak["source"], format!("built-in + {}", mine.display()));
    assert_eq!(weak["questions"], count + 1);
}

#[test]
fn bank_flag_overrides_and_adds_a_category() {
    let env = Env::new();
    env.file(
        "home/banks/a.yaml",
        "category: curveballs\nquestions:\n  - id: shared\n    text: From home\n",
    );
    let extra = env.file(
        "extra/b.yaml",
        "category: curveballs\nquestions:\n  - id: shared\n    text: From --bank\n",
    );
    let new = env.file(
        "extra/c.yaml",
        "category: caught-off-guard\nquestions:\n  - id: why-gap\n    text: Why the gap in your CV?\n",
    );
    let folder = extra.parent().unwrap().to_str().unwrap().to_string();
    let shown = json(
        &run(
            env.cmd(),
            &["--bank", &folder, "banks", "show", "curveballs", "--json"],
        )
        .stdout,
    );
    assert_eq!(question(&shown, "shared").1["text"], "From --bank");

    let list = json(&run(env.cmd(), &["--bank", &folder, "banks", "list", "--json"]).stdout);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 11);
    assert_eq!(list[10]["category"], "caught-off-guard");
    assert_eq!(list[10]["title"], "Caught off guard");
    assert_eq!(list[10]["source"], new.display().to_string());
}

const HOSTILE: &str = r#"category: hostile
title: "Evil \e[2J title \e]0;pwned\a"
description: "line\rover \x9b31m red \u202Ereversed"
questions:
  - id: escape
    text: "Clear \e[2J screen \e]0;title\x07 now\r\x9b31m\u202E"
    followups:
      - "\e[31mred\e[0m"
    tips:
      - "\x9b2J and \u202E"
    tags: ["\e[5m"]
"#;

/// Control characters that must never reach a terminal raw.
fn raw_controls(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

#[test]
fn escape_sequences_in_a_bank_never_reach_stdout() {
    let env = Env::new();
    let bank = env.file("hostile.yaml", HOSTILE);
    let bank = bank.to_str().unwrap();
    for args in [
        &["--bank", bank, "banks", "show", "hostile"][..],
        &["--bank", bank, "banks", "show", "hostile", "--json"],
        &["--bank", bank, "banks", "list"],
        &["--bank", bank, "banks", "list", "--json"],
    ] {
        let out = run(env.cmd(), args);
        assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
        assert!(
            raw_controls(&out.stdout).is_empty(),
            "{args:?}: {:?}",
            out.stdout
        );
        assert!(
            out.stdout.contains("Clear") || out.stdout.contains("Evil"),
            "{}",
            out.stdout
        );
    }
    // The JSON still carries the original text, escaped.
    let shown = json(
        &run(
            env.cmd(),
            &["--bank", bank, "banks", "show", "hostile", "--json"],
        )
        .stdout,
    );
    assert_eq!(
        shown["questions"][0]["text"],
        "Clear \u{1b}[2J screen \u{1b}]0;title\u{7} now\r\u{9b}31m\u{202e}"
    );
}

#[test]
fn escape_sequences_in_error_messages_never_reach_the_terminal() {
    let env = Env::new();
    let bad = env.file(
        "bad.yaml",
        "category: a\n\"\\e]0;pwned\\a\": x\nquestions:\n  - id: a\n    text: \"{\\e[2J}\"\n",
    );
    let out = run(env.cmd(), &["banks", "check", bad.to_str().unwrap()]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("unknown field"), "{}", out.stderr);
    assert!(out.stderr.contains("unknown placeholder"), "{}", out.stderr);
    assert!(raw_controls(&out.stderr).is_empty(), "{:?}", out.stderr);
}

#[test]
fn check_of_a_missing_path_exits_2() {
    let env = Env::new();
    let out = run(env.cmd(), &["banks", "check", "no/such.yaml"]);
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.contains("no/such.yaml: cannot read"),
        "{}",
        out.stderr
    );
}

#[test]
fn show_fills_company_and_role_when_given_and_shows_placeholders_otherwise() {
    let env = Env::new();
    let plain = run(env.cmd(), &["banks", "show", "company-research"]);
    assert_eq!(plain.code, Some(0), "{}", plain.stderr);
    assert!(plain.stdout.contains("What do you know about {company}?"));
    assert!(plain.stdout.contains("{role}"));

    let args = [
        "banks",
        "show",
        "company-research",
        "--company",
        "Acme",
        "--role",
        "engineering manager",
    ];
    let out = run(env.cmd(), &args);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(!out.stdout.contains("{company}") && !out.stdout.contains("{role}"));
    assert!(
        out.stdout.contains("What do you know about Acme?"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(
            "What in the job description for the engineering manager role stood out to you?"
        ),
        "{}",
        out.stdout
    );
    // Follow-ups and tips are filled too.
    assert!(
        out.stdout
            .contains("follow-up: How would you help with it in the engineering manager role?"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("only Acme could satisfy"),
        "{}",
        out.stdout
    );

    // One of the two alone: the other gets its neutral default.
    let json_out = run(
        env.cmd(),
        &[
            "banks",
            "show",
            "company-research",
            "--json",
            "--role",
            "a data engineer",
        ],
    );
    assert_eq!(json_out.code, Some(0), "{}", json_out.stderr);
    let doc = json(&json_out.stdout);
    let texts: Vec<&str> = doc["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.contains(
            &"Based on what you know about the company, what would you focus on in your first ninety days in the data engineer role?"
        ),
        "{texts:#?}"
    );
    assert!(
        texts.contains(&"What do you know about the company?"),
        "{texts:#?}"
    );
    // Texts get the neutral default; a cue keeps a placeholder with no
    // value as written (the analyzer skips it rather than match "the company").
    let questions = serde_json::to_string(
        &doc["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| serde_json::json!([q["text"], q["followups"], q["tips"]]))
            .collect::<Vec<_>>(),
    )
    .unwrap();
    assert!(!questions.contains("{company}") && !questions.contains("{role}"));
    let cues = doc["listen_for"][0]["cues"].as_array().unwrap();
    assert!(cues.iter().any(|c| c == "{company}"), "{cues:?}");
    assert!(!json_out.stdout.contains("{role}"));
}

#[test]
fn a_missing_bank_path_says_to_check_it_and_where_banks_are_listed() {
    let env = Env::new();
    let missing = env.dir.path().join("nope.yaml");
    let missing = missing.to_str().unwrap();
    for args in [
        vec!["--bank", missing, "drill"],
        vec!["--bank", missing, "banks", "list"],
        vec!["banks", "check", missing],
    ] {
        let mut cmd = env.cmd();
        cmd.write_stdin("");
        let out = run(cmd, &args);
        assert_eq!(out.code, Some(2), "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains(&format!("{missing}: cannot read")),
            "{args:?}: {}",
            out.stderr
        );
        assert!(
            out.stderr
                .contains("\n  fix: check the path; `hotseat banks list` shows the banks in use"),
            "{args:?}: {}",
            out.stderr
        );
    }
    assert!(
        !env.home().exists(),
        "a refused bank must not create the home"
    );
}

#[test]
fn a_broken_bank_folder_is_reported_by_drill_exactly_as_banks_check_reports_it() {
    let env = Env::new();
    env.file("broken/a.yaml", "category: a\n");
    env.file("broken/b.yaml", "questions: []\n");
    env.file(
        "broken/c.yaml",
        "category: c\nquestions:\n  - id: x\n    txt: y\n",
    );
    env.file(
        "broken/d.yaml",
        "category: d\nquestions:\n  - id: fine\n    text: A good one?\n",
    );
    let folder = env.dir.path().join("broken");
    let folder = folder.to_str().unwrap();
    let check = run(env.cmd(), &["banks", "check", folder]);
    assert_eq!(check.code, Some(2));
    assert!(check.stdout.contains("d.yaml: ok"), "{}", check.stdout);
    for (file, line) in [
        ("a.yaml", "questions: missing field `questions`"),
        ("b.yaml", "category: missing field `category`"),
        ("c.yaml:4:5", "questions[0].txt: unknown field"),
    ] {
        assert!(
            check.stderr.contains(&format!("{folder}/{file}: {line}")),
            "{file}: {}",
            check.stderr
        );
    }
    assert!(
        check.stderr.ends_with("\n5 problems in 3 of 4 files\n"),
        "{}",
        check.stderr
    );
    for args in [
        vec!["--bank", folder, "drill"],
        vec!["--bank", folder, "banks", "show", "weaknesses"],
    ] {
        let mut cmd = env.cmd();
        cmd.write_stdin("");
        let out = run(cmd, &args);
        assert_eq!(out.code, Some(2), "{args:?}");
        assert_eq!(out.stderr, check.stderr, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: {}", out.stdout);
    }
}

// ----- points and avoid (issue 14) -----

const POINTS_FIXTURE: &str = "\
category: mock-star
title: Mock STAR
listen_for:
  - point: the situation
    cues: [\"at my last\", \"when I was\"]
  - point: the result
    cues:
      - as a result
      - \"#figure\"
    hint: close with what changed, ideally one number
avoid:
  - cues: [\"wasn't my fault\"]
    why: own your part
questions:
  - id: missed-deadline
    text: Tell me about a time you missed a deadline.
    listen_for:
      - point: what you changed afterwards
        cues: [since then, now I]
    skip_points: [the situation]
    avoid:
      - cues: [never missed]
        why: every interviewer has missed one; own yours
  - id: plain
    text: Tell me about a hard week.
";

#[test]
fn show_prints_points_and_avoid_and_json_carries_both_levels() {
    let env = Env::new();
    std::fs::write(env.cwd().join("star.yaml"), POINTS_FIXTURE).unwrap();
    let out = run(
        env.cmd(),
        &["--bank", "star.yaml", "banks", "show", "mock-star"],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    insta::assert_snapshot!("show_points", out.stdout);
    let out = run(
        env.cmd(),
        &[
            "--bank",
            "star.yaml",
            "banks",
            "show",
            "mock-star",
            "--json",
        ],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let bank = json(&out.stdout);
    assert_eq!(bank["listen_for"][1]["point"], "the result");
    assert_eq!(
        bank["listen_for"][1]["cues"],
        serde_json::json!(["as a result", "#figure"])
    );
    assert_eq!(
        bank["listen_for"][1]["hint"],
        "close with what changed, ideally one number"
    );
    assert!(bank["listen_for"][0]["hint"].is_null());
    assert_eq!(bank["avoid"][0]["why"], "own your part");
    let (_, q) = question(&bank, "missed-deadline");
    assert_eq!(q["listen_for"][0]["point"], "what you changed afterwards");
    assert_eq!(q["skip_points"], serde_json::json!(["the situation"]));
    assert_eq!(q["avoid"][0]["cues"], serde_json::json!(["never missed"]));
    let (_, plain) = question(&bank, "plain");
    assert_eq!(plain["listen_for"], serde_json::json!([]));
    assert_eq!(plain["skip_points"], serde_json::json!([]));
}

#[test]
fn builtin_behavioral_shows_its_star_points() {
    let env = Env::new();
    let out = run(env.cmd(), &["banks", "show", "behavioral"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    for point in ["the situation", "what you did yourself", "the result"] {
        assert!(
            out.stdout
                .contains(&format!("   listen for: {point} — cues: ")),
            "{point}"
        );
    }
    let bank = json(&run(env.cmd(), &["banks", "show", "behavioral", "--json"]).stdout);
    let result = &bank["listen_for"][2];
    assert!(
        result["cues"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "#figure"),
        "{result}"
    );
}

/// Each malformed point, cue, avoid entry or skip: file contents, what the
/// message says, the `:line:column:` it names, and what the fix says.
fn malformed_points() -> Vec<(
    &'static str,
    String,
    &'static str,
    &'static str,
    &'static str,
)> {
    let fix = |from: &str, to: &str| POINTS_FIXTURE.replacen(from, to, 1);
    vec![
        (
            "empty-cue",
            fix("\"when I was\"", "\"\""),
            "listen_for[0].cues[1]: the cue is empty",
            ":5:26:",
            "fix: write the words you listen for",
        ),
        (
            "no-letter",
            fix("- as a result", "- \"...\""),
            "listen_for[1].cues[0]: the cue \"...\" has a word with no letter or digit",
            ":8:9:",
            "fix: cues are matched on words",
        ),
        (
            "star-inside",
            fix("[since then, now I]", "[since then, \"now*I\"]"),
            "questions[0].listen_for[0].cues[1]: `*` inside the word \"now*I\"",
            ":19:28:",
            "fix: `*` may only start or end a word",
        ),
        (
            "only-star",
            fix("[\"wasn't my fault\"]", "[\"*\"]"),
            "avoid[0].cues[0]: the cue \"*\" is only `*`",
            ":12:12:",
            "fix: add at least one real word",
        ),
        (
            "bad-special",
            fix("\"#figure\"", "\"#figures\""),
            "unknown special word \"#figures\"",
            ":9:9:",
            "fix: did you mean `#figure`?",
        ),
        (
            "bad-placeholder",
            fix("\"when I was\"", "\"at {compnay}\""),
            "unknown placeholder \"{compnay}\" in cue",
            ":5:26:",
            "fix: did you mean {company}?",
        ),
        (
            "missing-point",
            fix("  - point: the result\n", "  - hint: x\n").replacen(
                "    hint: close with what changed, ideally one number\n",
                "",
                1,
            ),
            "listen_for[1].point: missing field `point`",
            ":6:5:",
            "fix: add `point: LABEL`",
        ),
        (
            "missing-cues",
            fix("    cues: [\"at my last\", \"when I was\"]\n", ""),
            "listen_for[0].cues: missing field `cues`",
            ":4:5:",
            "fix: add `cues: [",
        ),
        (
            "missing-why",
            fix("    why: own your part\n", ""),
            "avoid[0].why: missing field `why`",
            ":12:5:",
            "fix: add `why: …`",
        ),
        (
            "duplicate-point",
            fix("point: the result", "point: the situation"),
            "duplicate point \"the situation\": first written at line 4",
            ":6:5:",
            "fix: give each point its own label",
        ),
        (
            "unknown-skip",
            fix("[the situation]", "[the situaton]"),
            "questions[0].skip_points[0]: unknown point \"the situaton\"",
            ":20:19:",
            "fix: did you mean \"the situation\"?",
        ),
        (
            "cue-typo",
            fix(
                "    cues: [since then, now I]",
                "    cue: [since then, now I]",
            ),
            "questions[0].listen_for[0].cue: unknown field \"cue\"",
            ":19:9:",
            "fix: did you mean `cues`?",
        ),
        (
            "cues-not-a-list",
            fix("[never missed]", "never missed"),
            "questions[0].avoid[0].cues: must be a list of text",
            ":22:9:",
            "fix: write a list, even for one cue",
        ),
    ]
}

#[test]
fn every_malformed_point_exits_2_with_file_line_column_and_a_fix() {
    let env = Env::new();
    for (name, src, says, at, fix) in malformed_points() {
        assert_ne!(src, POINTS_FIXTURE, "{name}: the edit did not apply");
        let path = env.file(&format!("{name}.yaml"), &src);
        let out = run(env.cmd(), &["banks", "check", path.to_str().unwrap()]);
        assert_eq!(out.code, Some(2), "{name}: {}", out.stderr);
        let file = path.display().to_string();
        let located = format!("{file}{at}");
        let line = out
            .stderr
            .lines()
            .position(|l| l.contains(&located) && l.contains(says))
            .unwrap_or_else(|| panic!("{name}: expected {located} … {says:?} in:\n{}", out.stderr));
        let next = out.stderr.lines().nth(line + 1).unwrap_or("");
        assert!(next.trim_start().starts_with(fix), "{name}: {next:?}");
    }
}

#[test]
fn a_user_file_adds_bank_level_points_and_the_same_label_replaces() {
    let env = Env::new();
    let builtin = json(&run(env.cmd(), &["banks", "show", "behavioral", "--json"]).stdout);
    let labels = |bank: &Value| -> Vec<String> {
        bank["listen_for"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["point"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        labels(&builtin),
        ["the situation", "what you did yourself", "the result"]
    );
    let avoid = builtin["avoid"].as_array().unwrap().len();
    let mine = env.file(
        "home/banks/star.yaml",
        "category: behavioral\nlisten_for:\n  - point: the result\n    cues: [\"which meant\"]\n  - point: the lesson\n    cues: [\"I learned\"]\navoid:\n  - cues: [\"just lucky\"]\n    why: own the work\nquestions:\n  - id: my-story\n    text: Tell me about your best week.\n    skip_points: [\"the situation\"]\n",
    );
    let check = run(env.cmd(), &["banks", "check", mine.to_str().unwrap()]);
    assert_eq!(check.code, Some(0), "{}", check.stderr);
    let merged = json(&run(env.cmd(), &["banks", "show", "behavioral", "--json"]).stdout);
    assert_eq!(
        labels(&merged),
        [
            "the situation",
            "what you did yourself",
            "the result",
            "the lesson"
        ]
    );
    assert_eq!(
        merged["listen_for"][2]["cues"],
        serde_json::json!(["which meant"])
    );
    let whys: Vec<_> = merged["avoid"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["why"].clone())
        .collect();
    assert_eq!(whys.len(), avoid + 1);
    assert_eq!(whys[avoid], "own the work");
    let list = json(&run(env.cmd(), &["banks", "list", "--json"]).stdout);
    let b = list
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["category"] == "behavioral")
        .unwrap();
    assert_eq!(
        b["sources"],
        serde_json::json!(["built-in", mine.display().to_string()])
    );
}

/// A bank of one question says "1 question", in `check` and `show`.
#[test]
fn a_bank_of_one_question_is_counted_in_the_singular() {
    let env = Env::new();
    let one = env.file(
        "one.yaml",
        "category: solo\ntitle: Solo\nquestions:\n  - id: a\n    text: \"Only one?\"\n",
    );
    let path = one.to_str().unwrap();
    let out = run(env.cmd(), &["banks", "check", path]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        format!("{}: ok — category solo, 1 question\n", one.display())
    );
    let out = run(env.cmd(), &["--bank", path, "banks", "show", "solo"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.starts_with("Solo (solo) — 1 question\n"),
        "{}",
        out.stdout
    );
}
