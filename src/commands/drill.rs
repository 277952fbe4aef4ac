//! `hotseat drill`: draws questions from the banks, runs each through the
//! terminal (raw or line input), saves every answer the moment it is done,
//! closes the session record (also when interrupted), then prints the
//! summary and the one thing to work on next.
//!
//! Exit codes: 0 when the session ran to the end or its input simply ended
//! (line mode, recorded as interrupted); 128 + signal when ended by a signal,
//! and 130 for Ctrl-C pressed as a key; 1 when the history cannot be written;
//! 2 for an unknown category.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context as _;
use rand::RngExt as _;

use super::Usage;
use crate::bank::{Bank, Catalog, Question, Situations, fill_placeholders};
use crate::cli::{DrillArgs, InputArg, VoiceArgs};
use crate::drill::{AnswerRecord, AnswerRules, InputMode, Mode, Stamp, select};
use crate::history::History;
use crate::report::summary::{self, Tail};
use crate::session::{self, ContentSpec, Ending, Env, FixedPlan, Item, ModeRules, Plan, Report};
use crate::term::guard::{Signals, install_panic_hook};
use crate::term::line::{LineUi, StdinLines};
use crate::term::style::Paint;
use crate::term::ui::{Interrupt, RawUi, Ui, terminal_width};
use crate::term::voice::VoiceUi;

/// Set in the environment, makes the drill panic once the terminal is
/// raw (`tests/drill_pty.rs` checks the terminal comes back).
pub const PANIC_FOR_TESTS: &str = "HOTSEAT_TEST_PANIC";

/// Runs a drill.
pub fn run(ctx: &super::Context, args: &DrillArgs) -> anyhow::Result<ExitCode> {
    let catalog = Catalog::load_for_home(&ctx.home, &ctx.extra_banks)?;
    let pool = question_pool(&catalog, &args.category, &args.situation)?;
    let count = usize::try_from(args.count).unwrap_or(usize::MAX);
    let seed = args.seed.unwrap_or_else(|| rand::rng().random());
    let order = select::draw(pool.len(), count, seed);
    let input = input_mode(args.input);
    let items = items_of(&pool, order.iter().copied(), args, input);
    let rules = ModeRules {
        mode: Mode::Drill,
        feedback: true,
        rate: args.rate && input != InputMode::Line,
    };
    let mut plan = FixedPlan::new(rules, items);
    let report = run_plan(ctx, &mut plan, input, &args.voice)?;
    finish(ctx, &report, Closing::NextStep(&[]))
}

/// The session items for `picks` (indices into `pool`), timed by the
/// drill flags (`--limit`, `--think`, `--pause`, `--strict`) or the banks'
/// own limits, everything filled: what drill and daily ask.
pub(crate) fn items_of(
    pool: &[(&Bank, &Question)],
    picks: impl Iterator<Item = usize>,
    args: &DrillArgs,
    input: InputMode,
) -> Vec<Item> {
    let fill = Fill {
        company: args.company.clone(),
        role: args.role.clone(),
        content: args.content.on(),
    };
    picks
        .map(|i| {
            let (bank, question) = pool[i];
            let rules = AnswerRules {
                input,
                limit: args.limit.unwrap_or_else(|| bank.limit_for(question)),
                think_target: args.think.unwrap_or_else(|| bank.think_for(question)),
                pause_threshold: args.pause,
                strict: args.strict,
                skip: true,
            };
            fill.item(bank, question, rules)
        })
        .collect()
}

/// How `{company}` and `{role}` are filled for a session.
#[derive(Debug, Clone, Default)]
pub(crate) struct Fill {
    /// `--company`.
    pub company: Option<String>,
    /// `--role`.
    pub role: Option<String>,
    /// Read each answer for content (off with `--no-content`).
    pub content: bool,
}

impl Fill {
    /// `text` with the placeholders filled (neutral defaults without values).
    pub(crate) fn text(&self, text: &str) -> String {
        fill_placeholders(text, self.company.as_deref(), self.role.as_deref())
    }

    /// One session item for `question`, everything filled.
    pub(crate) fn item(&self, bank: &Bank, question: &Question, rules: AnswerRules) -> Item {
        Item {
            category: bank.category.clone(),
            id: question.id.clone(),
            title: bank.title.clone(),
            text: self.text(&question.text),
            tips: question.tips.iter().map(|t| self.text(t)).collect(),
            followups: question.followups.iter().map(|f| self.text(f)).collect(),
            rules,
            followup: None,
            company: self.company.clone(),
            role: self.role.clone(),
            content: self.content.then(|| {
                let points: Vec<_> = bank.points_for(question).into_iter().cloned().collect();
                ContentSpec {
                    own_from: points.len().saturating_sub(question.listen_for.len()),
                    points,
                    avoid: bank.avoid_for(question).into_iter().cloned().collect(),
                    names_company: question.text.contains("{company}"),
                }
            }),
        }
    }
}

/// Line input when standard input is not a terminal, else what was asked.
/// Voice stays voice: off a terminal each answer ends with its recording.
pub(crate) fn input_mode(arg: InputArg) -> InputMode {
    if arg == InputArg::Voice {
        InputMode::Voice
    } else if !io::stdin().is_terminal() {
        InputMode::Line
    } else {
        match arg {
            InputArg::Typed => InputMode::Typed,
            InputArg::Spoken => InputMode::Spoken,
            InputArg::Voice => InputMode::Voice,
        }
    }
}

/// Everything around the runner that touches the real world: the history
/// checked writable before the first question, signals, the panic hook,
/// the raw or line UI.
pub(crate) fn run_plan(
    ctx: &super::Context,
    plan: &mut dyn Plan,
    input: InputMode,
    voice: &VoiceArgs,
) -> anyhow::Result<Report> {
    // The recorder and speaker are checked before the history is touched
    // and before the first question: a clear error, exit 1, nothing written.
    let setup = crate::voice::setup(voice, input, &ctx.home, io::stdin().is_terminal()).map_err(
        |e| match e {
            crate::voice::SetupError::Usage(m) => anyhow::Error::from(Usage(m)),
            other => other.into(),
        },
    )?;
    let mut history = History::open(&ctx.home)?;
    // Fail before the first question, not after the first answer, when the
    // history cannot be written.
    history
        .prepare()
        .context("your answers could not be saved")?;
    let signals = Signals::register().context("cannot listen for Ctrl-C and other signals")?;
    install_panic_hook();

    let mut ui: Box<dyn Ui> = match (input, setup.voice) {
        (InputMode::Voice, Some(voice)) => Box::new(
            VoiceUi::new(voice, signals.clone(), Paint::new(ctx.color))
                .context("cannot set up the terminal")?,
        ),
        (InputMode::Line, _) => Box::new(
            LineUi::new(
                StdinLines::spawn().context("cannot read standard input")?,
                io::stdout(),
                Paint::new(ctx.color),
                signals.clone(),
                Instant::now,
            )
            .with_speaker(setup.speaker),
        ),
        _ => Box::new(
            RawUi::new(signals.clone(), Paint::new(ctx.color))
                .context("cannot set up the terminal")?
                .with_speaker(setup.speaker),
        ),
    };

    // The test suite's only way to make the drill panic with the terminal
    // raw, to check that the panic hook gives it back.
    assert!(
        std::env::var_os(PANIC_FOR_TESTS).is_none(),
        "{PANIC_FOR_TESTS} is set: panicking with the terminal raw"
    );

    let pending = || signals.pending();
    let env = Env {
        session: session_id(),
        now: &Stamp::now,
        pending_signal: &pending,
    };
    let report = session::run(plan, ui.as_mut(), &mut history, &env);
    drop(ui);
    Ok(report?)
}

/// After the runner: the terminal checked, the summary printed (ending as
/// `tail` says), the exit code decided.
pub(crate) fn finish(
    ctx: &super::Context,
    report: &Report,
    tail: Closing<'_>,
) -> anyhow::Result<ExitCode> {
    if let Err(e) = &report.restored {
        anyhow::bail!("cannot restore the terminal: {e}");
    }
    let history = History::open(&ctx.home)?;
    let printed = print_summary(report, tail, Paint::new(ctx.color), history.path());
    // Keys typed while the summary printed are not for the shell.
    let _ = crate::term::input::discard_typeahead();
    match report.ending {
        // After a signal the terminal may be gone: the history is what counts.
        Ending::Interrupted(Interrupt::Signal(_)) => {}
        _ => printed?,
    }
    Ok(crate::exit::code(report.exit_code()))
}

/// Every question of the chosen categories (all when none are given), with
/// its bank, less the situational ones whose situation the user has not
/// said applies (`--situation`). An unknown category or situation is a
/// usage error naming the known ones.
pub(crate) fn question_pool<'c>(
    catalog: &'c Catalog,
    wanted: &[String],
    situations: &[String],
) -> anyhow::Result<Vec<(&'c Bank, &'c Question)>> {
    let situations = Situations::from_names(situations);
    situations
        .check(catalog)
        .map_err(|e| Usage(e.to_string()))?;
    let mut banks: Vec<&Bank> = Vec::new();
    for name in wanted.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        let Some(bank) = catalog.bank(name) else {
            return Err(super::unknown_category(catalog, name).into());
        };
        if !banks.iter().any(|b| b.category == bank.category) {
            banks.push(bank);
        }
    }
    if banks.is_empty() {
        banks = catalog.banks.iter().collect();
    }
    let pool: Vec<(&Bank, &Question)> = banks
        .iter()
        .flat_map(|b| b.questions.iter().map(move |q| (*b, q)))
        .filter(|(_, q)| situations.admits(q))
        .collect();
    if pool.is_empty() {
        let situational = banks.iter().any(|b| !b.questions.is_empty());
        let why = if situational {
            "the chosen banks hold only situational questions; name the situation with \
             --situation NAME, or --situation all"
        } else {
            "the chosen banks are empty"
        };
        return Err(Usage(format!("no questions to draw from: {why}")).into());
    }
    Ok(pool)
}

/// Local time `YYYYMMDD-HHMMSS` and four random hex digits, so that two
/// sessions started in the same second still differ.
fn session_id() -> String {
    let now = jiff::Timestamp::now().to_zoned(crate::drill::stamp::local_zone());
    let suffix: u16 = rand::rng().random();
    format!("{}-{suffix:04x}", now.strftime("%Y%m%d-%H%M%S"))
}

/// Headline, table and the tail (the next step, or a mode's own lines) on
/// standard output.
fn print_summary(
    report: &Report,
    tail: Closing<'_>,
    paint: Paint,
    saved_to: &std::path::Path,
) -> io::Result<()> {
    let stdout = io::stdout();
    let width = stdout
        .is_terminal()
        .then(|| u16::try_from(terminal_width()).unwrap_or(u16::MAX));
    let answers: Vec<(AnswerRecord, String)> = report
        .answers
        .iter()
        .map(|a| (a.record.clone(), a.question.clone()))
        .collect();
    let records = report.records();
    let findings: Vec<&crate::content::Findings> = report
        .answers
        .iter()
        .filter_map(|a| a.content.as_ref())
        .collect();
    let tail = match tail {
        Closing::NextStep(lines) => Tail {
            lines,
            next_step: crate::drill::coach::next_step_with_content(&records, &findings),
        },
        Closing::Lines(lines) => Tail {
            next_step: None,
            lines,
        },
    };
    let mut out = stdout.lock();
    summary::write(
        &mut out,
        width,
        &report.closing,
        &answers,
        &tail,
        paint,
        Some(saved_to),
    )?;
    out.flush()
}

/// Prints `lines` on standard output before a session starts, each
/// sanitized and, on a terminal, word-wrapped to its width.
pub(crate) fn print_intro(lines: &[String]) -> io::Result<()> {
    let stdout = io::stdout();
    let width = stdout.is_terminal().then(terminal_width);
    let mut out = stdout.lock();
    for line in lines {
        let line = crate::text::clean(line);
        match width {
            Some(w) => {
                for part in crate::text::wrap(&line, w.saturating_sub(1), "") {
                    writeln!(out, "{part}")?;
                }
            }
            None => writeln!(out, "{line}")?,
        }
    }
    out.flush()
}

/// How a mode ends its summary.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Closing<'a> {
    /// The one next step, then these lines (drill, daily).
    NextStep(&'a [String]),
    /// These lines instead of the next step (the rehearsal's report).
    Lines(&'a [String]),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drill::SessionRecord;

    #[test]
    fn unknown_category_is_a_usage_error_listing_the_known_ones() {
        let catalog = Catalog::builtin();
        let err = question_pool(&catalog, &["weaknesses".into(), "nope".into()], &[]).unwrap_err();
        assert!(err.is::<Usage>());
        let msg = err.to_string();
        assert!(msg.contains("\"nope\""), "{msg}");
        assert!(msg.contains("weaknesses, "), "{msg}");
    }

    #[test]
    fn pool_holds_only_the_chosen_categories_without_duplicates() {
        let catalog = Catalog::builtin();
        let pool = question_pool(
            &catalog,
            &["weaknesses".into(), " weaknesses ".into(), String::new()],
            &["all".into()],
        )
        .unwrap();
        let expected = catalog.bank("weaknesses").unwrap().questions.len();
        assert_eq!(pool.len(), expected);
        assert!(pool.iter().all(|(b, _)| b.category == "weaknesses"));
        let all = question_pool(&catalog, &[], &["all".into()]).unwrap();
        let total: usize = catalog.banks.iter().map(|b| b.questions.len()).sum();
        assert_eq!(all.len(), total);
        // Without a situation, exactly the situational questions are left out.
        let plain = question_pool(&catalog, &[], &[]).unwrap();
        let situational = catalog
            .banks
            .iter()
            .flat_map(|b| &b.questions)
            .filter(|q| q.situation.is_some())
            .count();
        assert!(situational > 0);
        assert_eq!(plain.len(), total - situational);
        assert!(plain.iter().all(|(_, q)| q.situation.is_none()));
        let layoff = question_pool(&catalog, &[], &["layoff".into()]).unwrap();
        assert!(
            layoff
                .iter()
                .any(|(_, q)| q.situation.as_deref() == Some("layoff"))
        );
        assert!(
            layoff
                .iter()
                .all(|(_, q)| matches!(q.situation.as_deref(), None | Some("layoff")))
        );
        let err = question_pool(&catalog, &[], &["lay-off".into()]).unwrap_err();
        assert!(err.is::<Usage>(), "{err}");
    }

    /// A pasted word can carry escape sequences; the "To work on" line
    /// quotes the word the longest pause fell after, so it must be cleaned.
    #[test]
    fn summary_next_step_quoting_an_answer_is_sanitized() {
        let text = "evil\x1b]0;pwned\x07word and the rest of a long enough answer";
        let pause = |ms| crate::drill::Pause {
            at_word: Some(1),
            at_char: Some(4),
            ms,
            at_ms: Some(100),
        };
        let record = AnswerRecord::builder("weaknesses/x")
            .session("s")
            .think_ms(1_000)
            .answer_ms(60_000)
            .limit_ms(90_000)
            // Enough pauses to beat the short-answer signal.
            .pauses(vec![pause(9_000), pause(8_000), pause(7_000), pause(6_000)])
            .words(11)
            .wpm(11.0)
            .fillers(&[])
            .text(text)
            .build();
        let closing = SessionRecord {
            v: 1,
            session: "s".into(),
            started: Stamp::default(),
            ended: Stamp::default(),
            mode: Mode::Drill,
            answered: 1,
            skipped: 0,
            interrupted: false,
            budget_ms: None,
        };
        let records = vec![record.clone()];
        let answers = vec![(record, "Q?".to_string())];
        for width in [None, Some(100)] {
            let mut out = Vec::new();
            summary::write(
                &mut out,
                width,
                &closing,
                &answers,
                &summary::Tail::next_step_of(&records),
                Paint::new(false),
                None,
            )
            .unwrap();
            let shown = String::from_utf8(out).unwrap();
            assert!(shown.contains("To work on:"), "{shown}");
            assert!(shown.contains("evil\\x1b]0;pwned"), "{shown}");
            assert!(
                !shown.contains('\x1b') && !shown.contains('\x07'),
                "{shown:?}"
            );
        }
    }

    #[test]
    fn items_carry_the_questions_points_and_whether_it_names_the_company() {
        let catalog = Catalog::builtin();
        let mut bank = catalog
            .banks
            .iter()
            .find(|b| b.questions.iter().any(|q| q.text.contains("{company}")))
            .expect("a built-in question names {company}")
            .clone();
        bank.listen_for.push(crate::bank::Point {
            point: "why them".into(),
            cues: vec!["{company}".into()],
            hint: None,
        });
        let named = bank
            .questions
            .iter()
            .find(|q| q.text.contains("{company}"))
            .unwrap();
        let rules = AnswerRules {
            input: InputMode::Line,
            limit: std::time::Duration::from_secs(60),
            think_target: std::time::Duration::from_secs(10),
            pause_threshold: std::time::Duration::from_secs(3),
            strict: false,
            skip: true,
        };
        let fill = Fill {
            company: Some("Acme".into()),
            role: None,
            content: true,
        };
        let item = fill.item(&bank, named, rules.clone());
        let spec = item.content.expect("content on");
        assert!(spec.names_company);
        assert!(spec.points.iter().any(|p| p.point == "why them"));
        assert_eq!(spec.points.len(), bank.points_for(named).len());
        assert_eq!(spec.avoid.len(), bank.avoid_for(named).len());
        let off = Fill {
            content: false,
            ..fill
        };
        assert!(off.item(&bank, named, rules).content.is_none());
    }

    #[test]
    fn session_ids_are_time_then_four_hex_digits() {
        let id = session_id();
        let parts: Vec<&str> = id.split('-').collect();
        assert_eq!(parts.len(), 3, "{id}");
        assert_eq!(parts[0].len(), 8);
        assert_eq!(parts[1].len(), 6);
        assert_eq!(parts[2].len(), 4);
        assert!(parts[2].chars().all(|c| c.is_ascii_hexdigit()), "{id}");
    }
}
