//! `hotseat reflect`: after a real interview, what went well, what went
//! badly, and the questions that caught you off guard — saved to the
//! journal, the questions added to the `caught-off-guard` bank so that
//! `drill`, `daily` and `rehearse` use them at once. `reflect --list`
//! shows past reflections, newest first.
//!
//! On a terminal with no flags a form (dialoguer, outside raw mode) asks
//! for everything; with flags, only a missing required one is asked; off a
//! terminal a missing one is a usage error naming the flag.
//!
//! The journal entry is written first: it is the record of the interview.
//! A bank that cannot take the questions (a broken hand edit) is reported
//! after it, with the loader's `file:line` message, and exit 2.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context as _;
use dialoguer::Select;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};

use super::menu::ask::{Ask, Step, anything};
use jiff::civil::Date;

use super::menu::Watch;
use super::{Context, Usage};
use crate::bank::own::{self, Added, Origin, OwnError};
use crate::cli::{OutcomeArg, ReflectArgs};
use crate::drill::Stamp;
use crate::drill::record::VERSION;
use crate::history::format_warning;
use crate::history::journal::{Journal, Outcome, Reflection};
use crate::term::style::Paint;
use crate::text::{clean, plural};

/// Runs `hotseat reflect`.
pub fn run(ctx: &Context, args: &ReflectArgs) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.list {
        list(ctx, args.json, &mut out)?;
        out.flush().context("writing to standard output")?;
        return Ok(ExitCode::SUCCESS);
    }
    let at = Stamp::now();
    let mut draft = Draft::from_args(args)?;
    let missing = draft.missing();
    if draft.is_blank() || !missing.is_empty() {
        let terminal = io::stdin().is_terminal() && io::stdout().is_terminal();
        if !terminal {
            return Err(Usage(format!(
                "missing {}: without a terminal there is no form to fill in, so give {}, \
                 e.g. hotseat reflect --company Acme --outcome waiting --caught-off-guard \"Why should we hire you?\"",
                missing.join(" and "),
                if missing.len() == 1 { "it as a flag" } else { "them as flags" },
            ))
            .into());
        }
        let everything = draft.is_blank();
        match ask(ctx, &mut draft, everything, at.local_date())? {
            Asked::Done => {}
            Asked::Cancelled => {
                writeln!(out, "Nothing saved.")?;
                return Ok(ExitCode::SUCCESS);
            }
            Asked::Signal => return Ok(crate::exit::code(crate::exit::CTRL_C)),
        }
    }
    let reflection = draft.finish(at)?;
    save(ctx, &reflection, &mut out)
}

/// What the user gave so far, by flags or the form.
#[derive(Debug, Default)]
struct Draft {
    company: Option<String>,
    role: Option<String>,
    date: Option<Date>,
    outcome: Option<Outcome>,
    went_well: Vec<String>,
    went_badly: Vec<String>,
    caught_off_guard: Vec<String>,
    felt_off: Vec<String>,
    would_prefer: Vec<String>,
}

impl Draft {
    fn from_args(args: &ReflectArgs) -> Result<Self, Usage> {
        let company = match args.company.as_deref().map(str::trim) {
            Some("") => return Err(Usage("--company is blank: give the company's name".into())),
            other => other.map(String::from),
        };
        let date = args.date.as_deref().map(parse_date).transpose()?;
        Ok(Self {
            company,
            role: args
                .role
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(String::from),
            date,
            outcome: args.outcome.map(|o| match o {
                OutcomeArg::Offer => Outcome::Offer,
                OutcomeArg::Rejected => Outcome::Rejected,
                OutcomeArg::Waiting => Outcome::Waiting,
                OutcomeArg::Withdrew => Outcome::Withdrew,
            }),
            went_well: lines(&args.went_well),
            went_badly: lines(&args.went_badly),
            caught_off_guard: lines(&args.caught_off_guard),
            felt_off: lines(&args.felt_off),
            would_prefer: lines(&args.would_prefer),
        })
    }

    /// Whether no flag gave anything: then the form asks for everything.
    fn is_blank(&self) -> bool {
        self.company.is_none()
            && self.role.is_none()
            && self.date.is_none()
            && self.outcome.is_none()
            && self.went_well.is_empty()
            && self.went_badly.is_empty()
            && self.caught_off_guard.is_empty()
            && self.felt_off.is_empty()
            && self.would_prefer.is_empty()
    }

    /// The required flags not given.
    fn missing(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.company.is_none() {
            missing.push("--company");
        }
        if self.outcome.is_none() {
            missing.push("--outcome (offer, rejected, waiting or withdrew)");
        }
        missing
    }

    fn finish(self, at: Stamp) -> Result<Reflection, Usage> {
        let (Some(company), Some(outcome)) = (self.company, self.outcome) else {
            return Err(Usage("missing --company or --outcome".into()));
        };
        Ok(Reflection {
            v: VERSION,
            at,
            company,
            role: self.role,
            date: self.date.unwrap_or_else(|| at.local_date()),
            outcome,
            went_well: self.went_well,
            went_badly: self.went_badly,
            caught_off_guard: self.caught_off_guard,
            felt_off: self.felt_off,
            would_prefer: self.would_prefer,
        })
    }
}

/// Each entry trimmed; blank ones dropped.
fn lines(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// `2026-11-30`, and nothing else.
fn parse_date(s: &str) -> Result<Date, Usage> {
    let s = s.trim();
    let ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    ok.then(|| Date::strptime("%Y-%m-%d", s).ok())
        .flatten()
        .ok_or_else(|| {
            Usage(format!(
                "--date {:?} is not a date: write it as YYYY-MM-DD, e.g. 2026-11-30",
                clean(s)
            ))
        })
}

/// How the form ended.
enum Asked {
    Done,
    /// Esc at the outcome choice: nothing is saved.
    Cancelled,
    /// Ctrl-C or a signal: the watch restored the terminal.
    Signal,
}

/// The form: asks what the draft lacks (`everything`: every field, with
/// the lists one line at a time), with signals watched as in the menu.
fn ask(ctx: &Context, draft: &mut Draft, everything: bool, today: Date) -> anyhow::Result<Asked> {
    let colorful = ColorfulTheme::default();
    let theme: &dyn Theme = if ctx.color { &colorful } else { &SimpleTheme };
    let watch = Watch::start().context("cannot listen for Ctrl-C and other signals")?;
    let result = fill(draft, theme, everything, today);
    if let Err(dialoguer::Error::IO(e)) = &result
        && e.kind() == io::ErrorKind::Interrupted
    {
        // As in the menu: the watch thread restores the terminal and ends
        // the process with 128 + the signal.
        watch.join();
        return Ok(Asked::Signal);
    }
    watch.stop();
    let _ = crossterm::execute!(io::stderr(), crossterm::cursor::Show);
    result.context("the form could not be shown")
}

fn fill(
    draft: &mut Draft,
    theme: &dyn Theme,
    everything: bool,
    today: Date,
) -> dialoguer::Result<Asked> {
    // Esc at any question leaves the form, saving nothing (from the menu:
    // back to the menu), as Esc backs out of every menu question.
    let ask = Ask::new(theme);
    if draft.company.is_none() {
        let company = |s: &str| {
            if s.trim().is_empty() {
                Err("the company's name, please".to_string())
            } else {
                Ok(())
            }
        };
        let Step::Got(company) = ask.text("Company", "", None, &company)? else {
            return Ok(Asked::Cancelled);
        };
        draft.company = Some(company);
    }
    if everything {
        let Step::Got(role) = ask.text("Role (Enter to skip)", "", None, &anything)? else {
            return Ok(Asked::Cancelled);
        };
        draft.role = Some(role).filter(|r| !r.is_empty());
        let day = today.to_string();
        let check = |s: &str| parse_date(s).map(drop).map_err(|e| e.0);
        let Step::Got(date) =
            ask.text("Date of the interview (YYYY-MM-DD)", "", Some(&day), &check)?
        else {
            return Ok(Asked::Cancelled);
        };
        draft.date = parse_date(&date).ok();
    }
    if draft.outcome.is_none() {
        let items: Vec<&str> = Outcome::ALL.iter().map(|o| o.as_str()).collect();
        let waiting = Outcome::ALL
            .iter()
            .position(|o| *o == Outcome::Waiting)
            .unwrap_or(0);
        let Some(i) = Select::with_theme(theme)
            .with_prompt("Outcome")
            .items(&items)
            .default(waiting)
            .interact_opt()?
        else {
            return Ok(Asked::Cancelled);
        };
        draft.outcome = Outcome::ALL.get(i).copied();
    }
    if everything {
        for (question, list) in [
            ("What went well?", &mut draft.went_well),
            ("What went badly?", &mut draft.went_badly),
            (
                "Which questions caught you off guard?",
                &mut draft.caught_off_guard,
            ),
            ("What felt off about the place?", &mut draft.felt_off),
            ("What would you prefer instead?", &mut draft.would_prefer),
        ] {
            let Some(items) = ask_lines(&ask, question)? else {
                return Ok(Asked::Cancelled);
            };
            *list = items;
        }
    }
    Ok(Asked::Done)
}

/// One entry per line until an empty one; `None` on Esc.
fn ask_lines(ask: &Ask<'_>, question: &str) -> io::Result<Option<Vec<String>>> {
    let mut items = Vec::new();
    loop {
        let hint = if items.is_empty() {
            "one per line, empty line when done"
        } else {
            "another, or an empty line when done"
        };
        let prompt = format!("{question} ({hint})");
        match ask.text(&prompt, "", None, &anything)? {
            Step::Back => return Ok(None),
            Step::Got(line) if line.is_empty() => return Ok(Some(items)),
            Step::Got(line) => items.push(line),
        }
    }
}

/// Writes the journal entry, then adds the questions to the bank, then
/// says what happened and what to do next.
fn save(ctx: &Context, r: &Reflection, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let journal = Journal::open(&ctx.home);
    journal.append(r)?;
    let paint = Paint::new(ctx.color);
    let role = r
        .role
        .as_deref()
        .map(|role| format!(" ({role})"))
        .unwrap_or_default();
    writeln!(
        out,
        "{}",
        clean(&format!(
            "Saved your reflection on {}{role}, {} ({}) to {}.",
            r.company,
            r.date,
            r.outcome,
            journal.path().display()
        ))
    )?;
    let date = r.date.to_string();
    let origin = Origin {
        company: &r.company,
        role: r.role.as_deref(),
        date: &date,
    };
    let banks = crate::home::banks_dir(&ctx.home);
    let added = match own::add_questions(&banks, &r.caught_off_guard, origin) {
        Ok(added) => added,
        Err(OwnError::Bank(e)) => {
            out.flush()?;
            let questions: Vec<String> = r
                .caught_off_guard
                .iter()
                .map(|q| format!("  - {q}"))
                .collect();
            let bank = banks.join(own::FILE_NAME);
            return Err(anyhow::Error::new(e).context(format!(
                "your reflection is saved, but {} has a problem, so these questions were not added to it:\n{}\n\
                 Fix the file (`hotseat banks check {}` lists every problem), then add them to it by hand. \
                 What is wrong",
                bank.display(),
                questions.join("\n"),
                bank.display(),
            )));
        }
        Err(e @ OwnError::Io { .. }) => {
            out.flush()?;
            return Err(anyhow::Error::new(e).context(
                "your reflection is saved, but its questions were not added to your bank",
            ));
        }
    };
    report_added(&added, out)?;
    let next = if r.caught_off_guard.is_empty() {
        "Next: hotseat daily — keep practising while it is fresh."
    } else {
        "Next: hotseat drill --category caught-off-guard"
    };
    writeln!(out, "{}", paint.strong(next))?;
    out.flush().context("writing to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// One line for what went into the bank.
fn report_added(added: &Added, out: &mut dyn Write) -> io::Result<()> {
    let path = added.path.display();
    let n = added.added.len();
    let questions = |n: usize| plural(n, "question", "questions");
    if n > 0 {
        writeln!(
            out,
            "{}",
            clean(&format!(
                "Added {} to {path} (category caught-off-guard).",
                questions(n)
            ))
        )?;
    }
    if !added.already.is_empty() {
        let k = added.already.len();
        let was = if k == 1 { "was" } else { "were" };
        writeln!(out, "{} {was} already in your bank.", questions(k))?;
    }
    if !added.empty.is_empty() {
        let k = added.empty.len();
        writeln!(
            out,
            "{} had no words once control characters were removed, and {} not added.",
            questions(k),
            if k == 1 { "was" } else { "were" }
        )?;
    }
    Ok(())
}

/// `reflect --list [--json]`: newest first (by when written; a tie keeps
/// the later line first). Unreadable lines are skipped with a warning on
/// standard error naming their line.
fn list(ctx: &Context, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let journal = Journal::open(&ctx.home);
    let (reflections, warnings) = journal.read()?;
    for w in &warnings {
        eprintln!("hotseat: {}", clean(&format_warning(journal.path(), w)));
    }
    let mut order: Vec<(usize, &Reflection)> = reflections.iter().enumerate().collect();
    order.sort_by(|a, b| b.1.at.cmp(&a.1.at).then(b.0.cmp(&a.0)));
    if json {
        let items = order
            .iter()
            .map(|(_, r)| {
                let mut v = serde_json::to_value(r)?;
                if let Some(map) = v.as_object_mut() {
                    map.insert("kind".into(), "reflection".into());
                }
                Ok(v)
            })
            .collect::<serde_json::Result<Vec<_>>>()?;
        return super::banks::write_json(out, &serde_json::Value::Array(items));
    }
    if order.is_empty() {
        writeln!(
            out,
            "No reflections yet. After your next interview: hotseat reflect"
        )?;
        return Ok(());
    }
    let paint = Paint::new(ctx.color);
    for (i, (_, r)) in order.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let mut head = format!("{} · {}", r.date, r.company);
        if let Some(role) = &r.role {
            head.push_str(&format!(" · {role}"));
        }
        head.push_str(&format!(" · {}", r.outcome));
        writeln!(out, "{}", paint.strong(&clean(&head)))?;
        for (label, items) in [
            ("Went well", &r.went_well),
            ("Went badly", &r.went_badly),
            ("Caught off guard", &r.caught_off_guard),
            ("Felt off", &r.felt_off),
            ("Would prefer", &r.would_prefer),
        ] {
            if items.is_empty() {
                continue;
            }
            writeln!(out, "  {label}:")?;
            for item in items {
                writeln!(out, "    - {}", clean(item))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_exactly_year_month_day() {
        assert_eq!(
            parse_date("2026-11-30").unwrap(),
            Date::constant(2026, 11, 30)
        );
        for bad in [
            "2026-13-01",
            "30/11/2026",
            "2026-11-3",
            "",
            "2026-02-30",
            "tomorrow",
        ] {
            let e = parse_date(bad).unwrap_err();
            assert!(e.0.contains("YYYY-MM-DD"), "{bad}: {e}");
        }
    }

    #[test]
    fn required_flags_are_named_and_lists_drop_blank_entries() {
        let draft = Draft {
            went_well: lines(&["  ok  ".into(), "   ".into()]),
            ..Draft::default()
        };
        assert_eq!(draft.went_well, ["ok"]);
        assert!(!draft.is_blank());
        let missing = draft.missing();
        assert_eq!(missing.len(), 2);
        assert!(missing[0] == "--company" && missing[1].starts_with("--outcome"));
    }
}
