//! `hotseat banks list|show|check`: the question banks in use, one bank's
//! questions, and validation of bank files.
//!
//! Human output goes through [`clean`] (bank text is untrusted); JSON output
//! has the remaining invisible controls escaped as `\uXXXX` so it is safe to
//! print as well as to parse.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use serde_json::json;

use super::{Context, unknown_category};
use crate::bank::{self, Avoid, Bank, BankError, Catalog, Point, Problem, fill_placeholders};
use crate::cli::BanksCommand;
use crate::drill::millis;
use crate::term::style::Paint;
use crate::text::clean;
use crate::text::duration::written;
use crate::text::sanitize::json_safe;

/// Runs a `banks` subcommand.
pub fn run(ctx: &Context, cmd: BanksCommand) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cmd {
        BanksCommand::List { json } => {
            let catalog = load(ctx)?;
            if json {
                list_json(&catalog, &mut out)?;
            } else {
                list_table(&catalog, &mut out)?;
            }
        }
        BanksCommand::Show {
            category,
            json,
            company,
            role,
        } => {
            let catalog = load(ctx)?;
            let Some(bank) = catalog.bank(&category) else {
                return Err(unknown_category(&catalog, &category).into());
            };
            let bank = filled(bank, company.as_deref(), role.as_deref());
            if json {
                show_json(&bank, &mut out)?;
            } else {
                show(&bank, &mut out, Paint::new(ctx.color))?;
            }
        }
        BanksCommand::Check { paths } => return check(&paths, &mut out),
    }
    out.flush().context("writing to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// `bank` with `{company}` and `{role}` filled into its questions,
/// follow-ups, tips and cues as a drill would fill them — but only when a company
/// or a role is given: otherwise the texts are shown as written, so a bank's
/// author sees where the placeholders are.
fn filled(bank: &Bank, company: Option<&str>, role: Option<&str>) -> Bank {
    let mut bank = bank.clone();
    if company.is_none() && role.is_none() {
        return bank;
    }
    let fill = |t: &mut String| *t = fill_placeholders(t, company, role);
    // A cue gets only the values given, word for word; a placeholder with
    // no value stays as written (the analyzer skips such a cue rather than
    // match the neutral default).
    let fill_cues = |points: &mut Vec<Point>, avoid: &mut Vec<Avoid>| {
        let cues = points
            .iter_mut()
            .flat_map(|p| p.cues.iter_mut())
            .chain(avoid.iter_mut().flat_map(|a| a.cues.iter_mut()));
        for c in cues {
            if let Some(company) = company {
                *c = c.replace("{company}", company);
            }
            if let Some(role) = role {
                *c = c.replace("{role}", role);
            }
        }
    };
    fill_cues(&mut bank.listen_for, &mut bank.avoid);
    for q in &mut bank.questions {
        fill(&mut q.text);
        q.followups.iter_mut().for_each(fill);
        q.tips.iter_mut().for_each(fill);
        fill_cues(&mut q.listen_for, &mut q.avoid);
    }
    bank
}

/// The built-ins merged with `<home>/banks/` and `--bank`.
fn load(ctx: &Context) -> anyhow::Result<Catalog> {
    Catalog::load_for_home(&ctx.home, &ctx.extra_banks)
}

fn list_table(catalog: &Catalog, out: &mut dyn Write) -> std::io::Result<()> {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(["category", "title", "questions", "source"]);
    for bank in &catalog.banks {
        table.add_row([
            clean(&bank.category).into_owned(),
            clean(&bank.title).into_owned(),
            bank.questions.len().to_string(),
            clean(&bank.source.to_string()).into_owned(),
        ]);
    }
    if let Some(col) = table.column_mut(2) {
        col.set_cell_alignment(CellAlignment::Right);
    }
    writeln!(out, "{table}")?;
    let total: usize = catalog.banks.iter().map(|b| b.questions.len()).sum();
    writeln!(
        out,
        "{} banks, {total} questions. `hotseat banks show CATEGORY` lists one bank's questions.",
        catalog.banks.len()
    )
}

fn list_json(catalog: &Catalog, out: &mut dyn Write) -> anyhow::Result<()> {
    let banks: Vec<_> = catalog
        .banks
        .iter()
        .map(|b| {
            json!({
                "category": b.category,
                "title": b.title,
                "questions": b.questions.len(),
                "source": b.source.to_string(),
                "sources": b.source.parts(),
            })
        })
        .collect();
    write_json(out, &serde_json::Value::Array(banks))
}

fn show_json(bank: &Bank, out: &mut dyn Write) -> anyhow::Result<()> {
    let questions: Vec<_> = bank
        .questions
        .iter()
        .map(|q| {
            json!({
                "id": q.id,
                "text": q.text,
                "followups": q.followups,
                "tips": q.tips,
                "limit_ms": millis(bank.limit_for(q)),
                "think_ms": millis(bank.think_for(q)),
                "tags": q.tags,
                "situation": q.situation,
                "listen_for": points_json(&q.listen_for),
                "skip_points": q.skip_points,
                "avoid": avoid_json(&q.avoid),
            })
        })
        .collect();
    let doc = json!({
        "category": bank.category,
        "title": bank.title,
        "description": bank.description,
        "source": bank.source.to_string(),
        "listen_for": points_json(&bank.listen_for),
        "avoid": avoid_json(&bank.avoid),
        "questions": questions,
    });
    write_json(out, &doc)
}

/// Points as `banks show --json` gives them: `point`, `cues`, `hint` (null
/// when none).
fn points_json(points: &[Point]) -> serde_json::Value {
    points
        .iter()
        .map(|p| json!({ "point": p.point, "cues": p.cues, "hint": p.hint }))
        .collect()
}

/// Avoid entries as `banks show --json` gives them: `cues`, `why`.
fn avoid_json(avoid: &[Avoid]) -> serde_json::Value {
    avoid
        .iter()
        .map(|a| json!({ "cues": a.cues, "why": a.why }))
        .collect()
}

/// `"a", "b", "c"`: cues quoted, so a bank's author sees their exact words.
fn quoted(cues: &[String]) -> String {
    cues.iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Prints points and avoid entries, each on its own line under `indent`.
fn points_and_avoid(
    out: &mut dyn Write,
    indent: &str,
    points: &[Point],
    avoid: &[Avoid],
) -> std::io::Result<()> {
    let more = format!("{indent}    ");
    for p in points {
        let line = format!("{} — cues: {}", p.point, quoted(&p.cues));
        indented(out, &format!("{indent}listen for: "), &more, &line)?;
        if let Some(hint) = &p.hint {
            indented(out, &format!("{indent}  hint: "), &more, hint)?;
        }
    }
    for a in avoid {
        let line = format!("{} — why: {}", quoted(&a.cues), a.why);
        indented(out, &format!("{indent}avoid: "), &more, &line)?;
    }
    Ok(())
}

/// Writes `value` as pretty JSON made [`json_safe`]: the same data, safe
/// to print as well as to parse (also used by `reflect --list --json`).
pub(super) fn write_json(out: &mut dyn Write, value: &serde_json::Value) -> anyhow::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    writeln!(out, "{}", json_safe(&text))?;
    Ok(())
}

/// Writes `text` with every line after the first indented by `indent`.
fn indented(out: &mut dyn Write, first: &str, indent: &str, text: &str) -> std::io::Result<()> {
    let text = clean(text.trim_end());
    let mut lines = text.lines();
    writeln!(out, "{first}{}", lines.next().unwrap_or(""))?;
    for line in lines {
        writeln!(out, "{indent}{line}")?;
    }
    Ok(())
}

fn show(bank: &Bank, out: &mut dyn Write, paint: Paint) -> std::io::Result<()> {
    let heading = format!(
        "{} ({}) — {}",
        clean(&bank.title),
        clean(&bank.category),
        crate::text::plural(bank.questions.len(), "question", "questions")
    );
    writeln!(out, "{}", paint.strong(&heading))?;
    if let Some(desc) = &bank.description {
        indented(out, "", "", desc)?;
    }
    writeln!(out, "source: {}", clean(&bank.source.to_string()))?;
    if !bank.listen_for.is_empty() || !bank.avoid.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", paint.strong("In every answer of this bank:"))?;
        points_and_avoid(out, "   ", &bank.listen_for, &bank.avoid)?;
    }
    for (n, q) in bank.questions.iter().enumerate() {
        writeln!(out)?;
        let id = format!("{}. {}", n + 1, clean(&q.id));
        // A situational question says so where its id is, so someone
        // browsing knows why a drill never asked it.
        let situation = q
            .situation
            .as_deref()
            .map(|s| format!("  · situation: {} (drawn with --situation {0})", clean(s)))
            .unwrap_or_default();
        writeln!(
            out,
            "{}  [limit {}, think {}]{situation}",
            paint.strong(&id),
            written(bank.limit_for(q)),
            written(bank.think_for(q))
        )?;
        indented(out, "   ", "   ", &q.text)?;
        for f in &q.followups {
            indented(out, "   follow-up: ", "              ", f)?;
        }
        for t in &q.tips {
            indented(out, "   tip: ", "        ", t)?;
        }
        if !q.tags.is_empty() {
            let tags: Vec<_> = q.tags.iter().map(|t| clean(t).into_owned()).collect();
            writeln!(out, "   tags: {}", tags.join(", "))?;
        }
        if !q.skip_points.is_empty() {
            indented(out, "   skips: ", "          ", &q.skip_points.join(", "))?;
        }
        points_and_avoid(out, "   ", &q.listen_for, &q.avoid)?;
    }
    Ok(())
}

/// Checks every file named or found in the folders named; prints a line per
/// good file on `out`. The problems, with their total, are the error, which
/// reads exactly as when a command loads the same files as `--bank`.
fn check(paths: &[PathBuf], out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let mut problems: Vec<Problem> = Vec::new();
    let files = bank::expand_paths(paths, &mut problems);
    for file in &files {
        match bank::check_file(file) {
            Ok(bank) => writeln!(
                out,
                "{}: ok — category {}, {}",
                clean(&file.display().to_string()),
                bank.category,
                crate::text::plural(bank.questions.len(), "question", "questions")
            )?,
            Err(e) => problems.extend(e.problems),
        }
    }
    out.flush()?;
    BankError::unless_any_in((), problems, &files)?;
    Ok(ExitCode::SUCCESS)
}
