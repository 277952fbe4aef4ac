//! `hotseat rehearse`: the night before, a full mock interview for one
//! company and role, in the order a real one runs, inside a time budget.
//! Strict (answers are submitted at their limit), no skipping, no
//! coaching between questions; follow-ups when the budget allows; and at
//! the end the rehearsal report.

use std::collections::HashSet;
use std::io;
use std::process::ExitCode;
use std::time::Duration;

use rand::RngExt as _;

use super::Usage;
use super::drill::{Closing, Fill, finish, input_mode, print_intro, run_plan};
use crate::bank::{Bank, Catalog, Question, Situations};
use crate::cli::RehearseArgs;
use crate::drill::rehearsal::{self, Candidate, Offer, Phase};
use crate::drill::schedule::Fsrs;
use crate::drill::{AnswerRules, InputMode, Mode};
use crate::history::History;
use crate::report::rehearsal::{Moment, markdown, plain};
use crate::session::{BudgetPlan, ModeRules, Plan as _};

/// Runs `hotseat rehearse`.
pub fn run(ctx: &super::Context, args: &RehearseArgs) -> anyhow::Result<ExitCode> {
    let catalog = Catalog::load_for_home(&ctx.home, &ctx.extra_banks)?;
    let history = History::open(&ctx.home)?;
    let practice = super::daily::read_practice(&history)?;
    let schedule = practice.schedule(&Fsrs::default());

    // Every question a phase may ask, with what the planner weighs.
    let situations = Situations::from_names(&args.situation);
    situations
        .check(&catalog)
        .map_err(|e| Usage(e.to_string()))?;
    let last_rehearsal: HashSet<String> = practice.last_rehearsal().into_iter().collect();
    // The night before, the question about your own situation should not
    // be a surprise: one phase prefers it — the first that has one not
    // asked last time, else the first that has one.
    let situational_in = |phase: Phase, fresh: bool| {
        phase.categories().iter().any(|c| {
            catalog.bank(c).is_some_and(|b| {
                b.questions.iter().any(|q| {
                    situations.selects(q)
                        && !(fresh && last_rehearsal.contains(&format!("{}/{}", b.category, q.id)))
                })
            })
        })
    };
    let phases = || rehearsal::STRUCTURE.iter().map(|(p, _)| *p);
    let situational_phase = phases()
        .find(|p| situational_in(*p, true))
        .or_else(|| phases().find(|p| situational_in(*p, false)));
    let mut pool: Vec<(&Bank, &Question, Phase)> = Vec::new();
    let mut offer = Offer {
        last_rehearsal,
        company: args.company.is_some(),
        ..Offer::default()
    };
    for (phase, _) in rehearsal::STRUCTURE {
        let mut candidates = Vec::new();
        for category in phase.categories() {
            let Some(bank) = catalog.bank(category) else {
                continue;
            };
            for q in bank.questions.iter().filter(|q| situations.admits(q)) {
                let key = format!("{}/{}", bank.category, q.id);
                candidates.push(Candidate {
                    index: pool.len(),
                    limit_ms: crate::drill::millis(bank.limit_for(q)),
                    has_followup: !q.followups.is_empty(),
                    names_company: q.text.contains("{company}"),
                    score: schedule
                        .memories
                        .get(&key)
                        .map(super::super::drill::schedule::Memory::score),
                    preferred: bank.category == crate::bank::own::CATEGORY
                        || (situational_phase == Some(phase) && situations.selects(q)),
                    key,
                });
                pool.push((bank, q, phase));
            }
        }
        offer.phases.push((phase, candidates));
    }
    let budget_ms = u64::from(args.minutes) * 60_000;
    let seed = args.seed.unwrap_or_else(|| rand::rng().random());
    let planned = rehearsal::plan(&offer, budget_ms, seed).map_err(|e| Usage(e.to_string()))?;

    let input = input_mode(args.input);
    let fill = Fill {
        company: args.company.clone(),
        role: args.role.clone(),
        content: args.content.on(),
    };
    let mut phase_of: Vec<(String, Phase)> = Vec::new();
    let items = planned
        .slots
        .iter()
        .map(|slot| {
            let (bank, question, phase) = pool[slot.index];
            phase_of.push((format!("{}/{}", bank.category, question.id), phase));
            let rules = AnswerRules {
                input,
                limit: Duration::from_millis(slot.limit_ms),
                think_target: bank.think_for(question),
                pause_threshold: args.pause,
                strict: true,
                skip: false,
            };
            let mut item = fill.item(bank, question, rules.clone());
            let followup = match (slot.followup_ms, question.followups.first()) {
                (Some(ms), Some(text)) => {
                    let mut f = item.clone();
                    f.title = format!("{} · follow-up", bank.title);
                    f.text = fill.text(text);
                    f.followups = Vec::new();
                    f.followup = Some(1);
                    // A follow-up is its own question: the built-in signals
                    // apply, not the points written for the question.
                    if let Some(spec) = f.content.as_mut() {
                        spec.points.clear();
                        spec.avoid.clear();
                        spec.names_company = text.contains("{company}");
                    }
                    f.rules = AnswerRules {
                        limit: Duration::from_millis(ms),
                        ..rules
                    };
                    Some(f)
                }
                _ => None,
            };
            // No coaching between questions: follow-ups are asked, not shown.
            item.followups = Vec::new();
            (item, followup)
        })
        .collect();

    let who = match (&args.company, &args.role) {
        (Some(c), Some(_)) => format!(" for {} at {}", fill.text("{role}"), c),
        (Some(c), None) => format!(" at {c}"),
        (None, Some(_)) => format!(" for {}", fill.text("{role}")),
        (None, None) => String::new(),
    };
    let rules = ModeRules {
        mode: Mode::Rehearse,
        feedback: false,
        rate: false,
    };
    let mut plan = BudgetPlan::new(rules, items, budget_ms);
    // The same count the screen will show ("Question 3 of 14"): the
    // follow-ups the budget allows are known from the start.
    let followups = plan.total(&[]) - planned.slots.len();
    let follow = match followups {
        0 => "no time left for follow-ups".to_string(),
        1 => "and 1 follow-up".to_string(),
        n => format!("and {n} follow-ups"),
    };
    print_intro(&[format!(
        "Rehearsal{who}: {} questions {follow}, in a {} budget of answer time. As in the \
         room: each answer is submitted at its limit, there is no skipping, and no coaching \
         until the end.",
        planned.slots.len(),
        crate::text::duration::measured(budget_ms)
    )])?;
    let report = run_plan(ctx, &mut plan, input, &args.voice)?;
    let moments: Vec<Moment<'_>> = report
        .answers
        .iter()
        .map(|a| Moment {
            record: &a.record,
            question: &a.question,
            phase: phase_of
                .iter()
                .find(|(k, _)| *k == a.record.question)
                .map_or(Phase::Curveball, |(_, p)| *p),
            content: a.content.as_ref(),
        })
        .collect();
    let sections = crate::report::rehearsal::report(&moments, budget_ms);
    let lines = if input == InputMode::Line || !io::IsTerminal::is_terminal(&io::stdout()) {
        markdown(&sections)
    } else {
        plain(&sections)
    };
    finish(ctx, &report, Closing::Lines(&lines))
}
