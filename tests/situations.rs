//! Situational questions (`situation:` in a bank) end to end, with the real
//! binary on the built-in banks in line mode: never drawn without
//! `--situation`, drawn with it, in `drill`, `daily` and `rehearse` alike;
//! an unknown situation is refused with the known ones.

mod util;

use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use util::{Home, text};

const CATEGORY: &str = "tell-me-about-yourself";

/// Runs `hotseat <args>` with `lines` answers on standard input (a pipe).
fn run(home: &Home, args: &[&str], lines: usize) -> Output {
    let mut child = Command::new(util::bin())
        .arg("--home")
        .arg(home.path())
        .args(args)
        .env_remove("HOTSEAT_HOME")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn hotseat");
    let mut stdin = child.stdin.take().expect("stdin");
    let answer =
        "I moved our reports to a new warehouse and cut publishing from two days to four hours\n";
    let _ = stdin.write_all(answer.repeat(lines).as_bytes());
    drop(stdin);
    let out = child.wait_with_output().expect("wait for hotseat");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `category/id` → situation, for every built-in question, as
/// `banks show --json` reports it.
fn situations(home: &Home) -> Vec<(String, Option<String>)> {
    let list = run(home, &["banks", "list", "--json"], 0);
    let banks: Value = serde_json::from_slice(&list.stdout).unwrap();
    let mut all = Vec::new();
    for b in banks.as_array().unwrap() {
        let category = b["category"].as_str().unwrap();
        let show = run(home, &["banks", "show", category, "--json"], 0);
        let bank: Value = serde_json::from_slice(&show.stdout).unwrap();
        for q in bank["questions"].as_array().unwrap() {
            all.push((
                format!("{category}/{}", q["id"].as_str().unwrap()),
                q["situation"].as_str().map(str::to_string),
            ));
        }
    }
    all
}

/// The keys of the questions answered, follow-ups included.
fn asked(home: &Home) -> BTreeSet<String> {
    home.answers()
        .iter()
        .map(|a| a["question"].as_str().unwrap().to_string())
        .collect()
}

fn with_situation<'a>(all: &'a [(String, Option<String>)], name: &str) -> BTreeSet<&'a str> {
    all.iter()
        .filter(|(_, s)| s.as_deref() == Some(name))
        .map(|(k, _)| k.as_str())
        .collect()
}

fn situational(all: &[(String, Option<String>)]) -> BTreeSet<&str> {
    all.iter()
        .filter(|(_, s)| s.is_some())
        .map(|(k, _)| k.as_str())
        .collect()
}

fn in_category(all: &[(String, Option<String>)]) -> usize {
    all.iter()
        .filter(|(k, _)| k.starts_with(&format!("{CATEGORY}/")))
        .count()
}

#[test]
fn drill_draws_a_situational_question_only_when_its_situation_is_given() {
    let home = Home::new();
    let all = situations(&home);
    let layoff = with_situation(&all, "layoff");
    assert!(layoff.len() >= 2, "{layoff:?}");
    assert!(layoff.iter().all(|k| k.starts_with(CATEGORY)), "{layoff:?}");
    // As many questions as the whole category: without repeats until every
    // question that may be drawn has come up, so all of them come up.
    let n = in_category(&all).to_string();

    let out = run(
        &home,
        &[
            "drill",
            "--category",
            CATEGORY,
            "--count",
            &n,
            "--seed",
            "1",
        ],
        in_category(&all),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let plain = asked(&home);
    assert!(plain.len() > 20, "{plain:?}");
    let wrong: Vec<_> = plain
        .intersection(
            &situational(&all)
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
        )
        .cloned()
        .collect();
    assert!(wrong.is_empty(), "drawn without --situation: {wrong:?}");

    let home = Home::new();
    let out = run(
        &home,
        &[
            "drill",
            "--category",
            CATEGORY,
            "--count",
            &n,
            "--seed",
            "1",
            "--situation",
            "layoff",
        ],
        in_category(&all),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let got = asked(&home);
    for k in &layoff {
        assert!(
            got.contains(*k),
            "{k} not drawn with --situation layoff: {got:?}"
        );
    }
    let others: Vec<_> = situational(&all)
        .difference(&layoff)
        .filter(|k| got.contains(**k))
        .copied()
        .collect();
    assert!(others.is_empty(), "other situations drawn: {others:?}");
}

#[test]
fn situation_all_draws_every_situational_question_and_a_typo_is_refused() {
    let home = Home::new();
    let all = situations(&home);
    let n = in_category(&all);
    let out = run(
        &home,
        &[
            "drill",
            "--category",
            CATEGORY,
            "--count",
            &n.to_string(),
            "--situation",
            "all",
        ],
        n,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(asked(&home).len(), n);

    let out = run(&home, &["drill", "--situation", "lay-off"], 1);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("\"lay-off\"") && err.contains("Did you mean layoff?"),
        "{err}"
    );
    assert!(
        err.contains("employment-gap") && err.contains("return-to-work"),
        "{err}"
    );
}

#[test]
fn daily_draws_a_situational_question_only_with_its_situation_even_when_due() {
    let home = Home::new();
    let all = situations(&home);
    let n = in_category(&all);
    let gap = with_situation(&all, "employment-gap");
    let out = run(
        &home,
        &[
            "daily",
            "--category",
            CATEGORY,
            "--count",
            &n.to_string(),
            "--situation",
            "employment-gap",
        ],
        n,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let got = asked(&home);
    for k in &gap {
        assert!(got.contains(*k), "{k} not in the daily set: {got:?}");
    }
    let others: Vec<_> = situational(&all)
        .difference(&gap)
        .filter(|k| got.contains(**k))
        .copied()
        .collect();
    assert!(others.is_empty(), "{others:?}");

    // Now the gap questions are in the history (and come due); without the
    // situation the next set still never asks them.
    let before = home.answers().len();
    let out = run(
        &home,
        &["daily", "--category", CATEGORY, "--count", &n.to_string()],
        n,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let next: Vec<String> = home.answers()[before..]
        .iter()
        .map(|a| a["question"].as_str().unwrap().to_string())
        .collect();
    assert!(!next.is_empty());
    let wrong: Vec<_> = next
        .iter()
        .filter(|k| situational(&all).contains(k.as_str()))
        .collect();
    assert!(wrong.is_empty(), "drawn without --situation: {wrong:?}");
    // And --due, which lists what may be drawn, does not list them either.
    let due = run(&home, &["daily", "--due", "--category", CATEGORY], 0);
    let due = text(&due.stdout);
    for k in &gap {
        let id = k.rsplit('/').next().unwrap();
        assert!(!due.contains(id), "{id} listed as due:\n{due}");
    }
}

#[test]
fn a_rehearsal_given_a_situation_asks_one_such_question_and_never_without() {
    let all = situations(&Home::new());
    for seed in ["1", "2", "3"] {
        let home = Home::new();
        let out = run(&home, &["rehearse", "--seed", seed], 40);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let got = asked(&home);
        let wrong: Vec<_> = situational(&all)
            .into_iter()
            .filter(|k| got.contains(*k))
            .collect();
        assert!(wrong.is_empty(), "seed {seed}: {wrong:?}");
    }
    // Twice in a row with the same situation: one such question each time,
    // a different one the second night (for overqualified, whose questions
    // are in three phases, in another phase).
    for name in ["layoff", "overqualified"] {
        let mine = with_situation(&all, name);
        let home = Home::new();
        let mut rehearsed = Vec::new();
        for _ in 0..2 {
            let before = home.answers().len();
            let out = run(&home, &["rehearse", "--seed", "4", "--situation", name], 40);
            assert!(out.status.success(), "{}", text(&out.stderr));
            let this: Vec<String> = home.answers()[before..]
                .iter()
                .filter(|a| a.get("followup").is_none())
                .map(|a| a["question"].as_str().unwrap().to_string())
                .filter(|k| mine.contains(k.as_str()))
                .collect();
            assert!(!this.is_empty(), "{name}: none asked");
            let others: Vec<_> = situational(&all)
                .difference(&mine)
                .filter(|k| {
                    home.answers()[before..]
                        .iter()
                        .any(|a| a["question"] == **k)
                })
                .copied()
                .collect();
            assert!(others.is_empty(), "{name}: {others:?}");
            rehearsed.push(this);
        }
        assert_ne!(rehearsed[0], rehearsed[1], "{name}");
    }
}

/// Ids merged away (issue 15) may still be in a history: their answers stay
/// there under the old id, and `daily` — which draws only from the banks in
/// use — never asks them, even when they are long overdue and stalled on.
#[test]
fn daily_never_draws_an_id_that_left_the_banks() {
    let home = Home::new();
    std::fs::create_dir_all(home.path()).unwrap();
    let at = (jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * 30))
        .strftime("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string();
    let mut history = String::new();
    for key in [
        "weaknesses/time-you-failed",
        "tell-me-about-yourself/what-motivates-you",
    ] {
        let (category, _) = key.split_once('/').unwrap();
        let record = serde_json::json!({
            "v": 1, "kind": "answer", "session": "s-old", "at": at, "mode": "daily",
            "question": key, "category": category, "input": "typed",
            "think_ms": 45_000, "answer_ms": 40_000, "limit_ms": 90_000,
            "overran": false, "skipped": true, "pauses": [], "words": 0,
            "fillers": 0, "revisions": 0, "hint": false, "rating": null, "text": ""
        });
        history.push_str(&format!("{record}\n"));
    }
    std::fs::write(home.history_path(), &history).unwrap();
    let out = run(
        &home,
        &[
            "daily",
            "--category",
            "weaknesses,tell-me-about-yourself",
            "--count",
            "10",
        ],
        10,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let answers = home.answers();
    let new: Vec<&str> = answers[2..]
        .iter()
        .map(|a| a["question"].as_str().unwrap())
        .collect();
    assert_eq!(new.len(), 10, "{new:?}");
    assert!(
        !new.contains(&"weaknesses/time-you-failed")
            && !new.contains(&"tell-me-about-yourself/what-motivates-you"),
        "{new:?}"
    );
    // The old answers are still read (kept, first in the file).
    assert_eq!(answers[0]["question"], "weaknesses/time-you-failed");
    let due = run(&home, &["daily", "--due"], 0);
    assert!(due.status.success(), "{}", text(&due.stderr));
    let due = text(&due.stdout);
    assert!(
        !due.contains("time-you-failed") && !due.contains("what-motivates-you"),
        "{due}"
    );
}

/// A user's bank may declare a situation of its own: `--situation` then
/// accepts that name, and without it the bank's only question is not drawn
/// (the message says why and what to pass).
#[test]
fn a_users_own_situation_works_like_a_builtin_one() {
    let home = Home::new();
    let bank = home.scratch().join("mine.yaml");
    std::fs::write(
        &bank,
        "category: mine\nquestions:\n  - id: service\n    text: Tell me about your years in the army.\n    situation: military-service\n",
    )
    .unwrap();
    let bank = bank.to_str().unwrap();
    let out = run(
        &home,
        &[
            "--bank",
            bank,
            "drill",
            "--category",
            "mine",
            "--count",
            "1",
            "--situation",
            "military-service",
        ],
        1,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(home.answers()[0]["question"], "mine/service");
    let out = run(
        &home,
        &[
            "--bank",
            bank,
            "drill",
            "--category",
            "mine",
            "--count",
            "1",
        ],
        1,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("only situational questions") && err.contains("--situation"),
        "{err}"
    );
    let out = run(
        &home,
        &["--bank", bank, "drill", "--situation", "military"],
        1,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("military-service"),
        "{}",
        text(&out.stderr)
    );
}
