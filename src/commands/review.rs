//! `hotseat review [SESSION|last]`: finds the session (an unknown id is a
//! usage error naming it), gathers its answers in one more pass, attaches
//! later ratings, and shows them with their pauses inline, or as JSON.

use std::io::{self, Write};
use std::process::ExitCode;

use super::Usage;
use crate::bank::Catalog;
use crate::bank::fill_placeholders;
use crate::cli::ReviewArgs;
use crate::drill::Record;
use crate::history::History;
use crate::report::content::Reader;
use crate::report::export::write_json_value;
use crate::report::ratings::Ratings;
use crate::report::review::{self, ReviewAnswer};
use crate::report::sessions::{SessionRow, resolve};
use crate::term::style::Paint;

/// The session `wanted` names (`last` or an id), or a usage error that
/// names it and points at `hotseat history`. `None` for an empty history.
pub(crate) fn find_session(history: &History, wanted: &str) -> anyhow::Result<Option<SessionRow>> {
    let rows = super::history::sessions(history)?;
    if rows.is_empty() {
        return Ok(None);
    }
    match resolve(&rows, wanted) {
        Some(row) => Ok(Some(row.clone())),
        None => Err(Usage(format!(
            "no session {:?} in {}; `hotseat history` lists the sessions (or say `last`)",
            wanted,
            history.path().display()
        ))
        .into()),
    }
}

/// Runs `hotseat review`.
pub fn run(ctx: &super::Context, args: &ReviewArgs) -> anyhow::Result<ExitCode> {
    let history = History::open(&ctx.home)?;
    let mut out = io::stdout().lock();
    let Some(session) = find_session(&history, &args.session)? else {
        if args.json {
            // The document's shape with nothing in it.
            writeln!(out, r#"{{"session":null,"mode":null,"answers":[]}}"#)?;
        } else {
            writeln!(
                out,
                "No sessions to review yet. Run `hotseat drill` or `hotseat daily` first."
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let mut answers = Vec::new();
    let mut ratings = Ratings::new();
    // Warnings were printed by the first pass; this one stays quiet.
    history.scan(|r| match r {
        Record::Answer(a) if a.session == session.session => answers.push(a),
        Record::Rating(r) if r.session == session.session => ratings.add(&r),
        _ => {}
    })?;
    ratings.attach(&mut answers);
    // The question's words, when a bank still has it; a broken bank of the
    // user's must not stop a review of the past.
    let catalog = Catalog::load_for_home(&ctx.home, &ctx.extra_banks).ok();
    // What each answer said, from its text and the banks in use now.
    let mut reader = args.content.on().then(|| Reader::new(catalog.as_ref()));
    let answers: Vec<ReviewAnswer> = answers
        .into_iter()
        .map(|record| {
            let question_text = catalog.as_ref().and_then(|c| {
                let (cat, id) = record.question.split_once('/')?;
                let bank = c.banks.iter().find(|b| b.category == cat)?;
                let q = bank.questions.iter().find(|q| q.id == id)?;
                Some(fill_placeholders(
                    &q.text,
                    record.company.as_deref(),
                    record.role.as_deref(),
                ))
            });
            let content = reader.as_mut().and_then(|r| r.read(&record));
            ReviewAnswer {
                record,
                question_text,
                content,
            }
        })
        .collect();
    if args.json {
        write_json_value(&mut out, &review::to_json(&session, &answers))?;
        writeln!(out)?;
    } else {
        let zone = crate::drill::stamp::local_zone();
        let lines = review::render(
            &session,
            &answers,
            &zone,
            super::stats::width(),
            Paint::new(ctx.color),
        );
        for line in lines {
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
