//! `hotseat history`: one line per session (when, mode, answered,
//! skipped, ended early), oldest first, or JSON.

use std::io::{self, Write};
use std::process::ExitCode;

use super::scan_history;
use crate::cli::HistoryArgs;
use crate::history::History;
use crate::report::export::write_json_value;
use crate::report::review::local_time;
use crate::report::sessions::{self, SessionList, SessionRow};
use crate::text::clean;
use crate::text::wrap;

/// Every session in the history, oldest first (warnings printed).
pub(crate) fn sessions(history: &History) -> anyhow::Result<Vec<SessionRow>> {
    let mut list = SessionList::new();
    scan_history(history, |r| list.add(&r))?;
    Ok(list.finish())
}

/// Runs `hotseat history`.
pub fn run(ctx: &super::Context, args: &HistoryArgs) -> anyhow::Result<ExitCode> {
    let history = History::open(&ctx.home)?;
    let rows = sessions(&history)?;
    let mut out = io::stdout().lock();
    if args.json {
        write_json_value(&mut out, &sessions::to_json(&rows))?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        writeln!(
            out,
            "No sessions yet. Run `hotseat drill` or `hotseat daily` to start one."
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let zone = crate::drill::stamp::local_zone();
    let width = super::stats::width();
    for r in &rows {
        let mut line = format!(
            "{}  {:<8} {} answered, {} skipped",
            local_time(&r.started, &zone),
            format!("{:?}", r.mode).to_lowercase(),
            r.answered,
            r.skipped
        );
        if r.interrupted {
            line.push_str(", ended early");
        }
        line.push_str(&format!("  {}", clean(&r.session)));
        for part in wrap(&line, width.saturating_sub(1), "    ") {
            writeln!(out, "{part}")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
