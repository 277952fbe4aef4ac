//! Benchmark baselines for `benches/banks.sh`: the bare YAML parse of a
//! bank file, with no validation, so the cost of `hotseat banks check` can
//! be compared with the parse it starts from.
//!
//! Usage: `bank_parse_only [--typed] FILE` — into `serde_yaml::Value`, or
//! with `--typed` into plain structs shaped like a bank (what hotseat's
//! loader deserializes into before it checks anything).

use std::process::ExitCode;

/// A bank's shape, no checks.
#[derive(serde::Deserialize)]
struct Bank {
    questions: Vec<Question>,
}

/// A question's shape, no checks.
#[derive(serde::Deserialize)]
struct Question {
    #[serde(rename = "id")]
    _id: String,
    #[serde(rename = "text")]
    _text: String,
    #[serde(default, rename = "tips")]
    _tips: Vec<String>,
}

fn main() -> ExitCode {
    let mut args: Vec<_> = std::env::args_os().skip(1).collect();
    let typed = args.first().is_some_and(|a| a == "--typed");
    if typed {
        args.remove(0);
    }
    let Some(path) = args.first() else {
        eprintln!("usage: bank_parse_only [--typed] FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("bank_parse_only: {e}");
            return ExitCode::FAILURE;
        }
    };
    let parsed = if typed {
        serde_yaml::from_str::<Bank>(&text).map(|b| b.questions.len())
    } else {
        serde_yaml::from_str::<serde_yaml::Value>(&text).map(|v| {
            v.get("questions")
                .and_then(serde_yaml::Value::as_sequence)
                .map_or(0, Vec::len)
        })
    };
    match parsed {
        Ok(n) => {
            // Printed so the parse cannot be optimised away.
            eprintln!("{n} questions");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bank_parse_only: {e}");
            ExitCode::FAILURE
        }
    }
}
