//! `hotseat forget SESSION|last`: deletes one session's records from the
//! history after showing what will go and asking to confirm (`--yes` off
//! a terminal). The rewrite itself is `History::forget`.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context as _;

use super::Usage;
use crate::cli::ForgetArgs;
use crate::history::History;
use crate::history::forget::Step;
use crate::text::clean;

/// Set to `written`, `synced` or `renamed`, aborts the process at that
/// step of the rewrite (tests/forget.rs stages crashes with it).
pub const CRASH_FOR_TESTS: &str = "HOTSEAT_TEST_FORGET_CRASH";

/// Runs `hotseat forget`.
pub fn run(ctx: &super::Context, args: &ForgetArgs) -> anyhow::Result<ExitCode> {
    let history = History::open(&ctx.home)?;
    let session = if args.session == "last" {
        history
            .last_session()?
            .ok_or_else(|| Usage("the history is empty: there is no last session".into()))?
    } else {
        args.session.clone()
    };
    let found = history.records_of(&session)?;
    if found.total() == 0 {
        return Err(Usage(format!(
            "no session {} in {}; `hotseat history` lists the sessions",
            clean(&format!("{session:?}")),
            history.path().display()
        ))
        .into());
    }
    let mut out = io::stdout().lock();
    let answers = if found.answers == 1 {
        "answer"
    } else {
        "answers"
    };
    writeln!(
        out,
        "{}",
        clean(&format!(
            "Session {session}: {} {answers}, {} rating(s), {} session record.",
            found.answers, found.ratings, found.sessions
        ))
    )?;
    for q in found.questions.iter().take(10) {
        writeln!(out, "  {}", clean(q))?;
    }
    if found.questions.len() > 10 {
        writeln!(out, "  … and {} more", found.questions.len() - 10)?;
    }
    out.flush()?;
    drop(out);
    if !args.yes {
        if !(io::stdin().is_terminal() && io::stdout().is_terminal()) {
            return Err(
                Usage("nothing deleted: off a terminal, pass --yes to confirm".into()).into(),
            );
        }
        let _ = crate::term::input::discard_typeahead();
        let sure = dialoguer::Confirm::new()
            .with_prompt("Delete these records? This cannot be undone")
            .default(false)
            .interact_opt()
            .context("the confirmation could not be asked")?;
        if sure != Some(true) {
            println!("Nothing deleted.");
            return Ok(ExitCode::SUCCESS);
        }
    }
    let crash = std::env::var(CRASH_FOR_TESTS).ok();
    let step = |s: Step| {
        let name = match s {
            Step::Written => "written",
            Step::Synced => "synced",
            Step::Renamed => "renamed",
        };
        if crash.as_deref() == Some(name) {
            std::process::abort();
        }
    };
    let gone = history
        .forget(&session, &step)
        .context("the history could not be rewritten (it is unchanged)")?;
    println!(
        "{}",
        clean(&format!(
            "Deleted {} records of session {session}.",
            gone.total()
        ))
    );
    Ok(ExitCode::SUCCESS)
}
