//! `hotseat daily`: a short set chosen by spaced repetition on the user's
//! own hesitation (see `drill::schedule`), run through the shared session
//! runner, closed with the streak and what is due tomorrow.
//! `hotseat daily --due` shows what is due without starting a session.

use std::io::{self, Write};
use std::process::ExitCode;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use rand::RngExt as _;

use super::drill::{Closing, finish, input_mode, items_of, print_intro, question_pool, run_plan};
use crate::bank::Catalog;
use crate::cli::DailyArgs;
use crate::drill::schedule::{
    self, Candidate, DailySet, Fsrs, Practice, Reason, Schedule, choose, due_by, end_of_day,
};
use crate::drill::{InputMode, Mode, Record};
use crate::history::History;
use crate::session::{FixedPlan, ModeRules};
use crate::text::{clean, plural};

/// Runs `hotseat daily`.
pub fn run(ctx: &super::Context, args: &DailyArgs) -> anyhow::Result<ExitCode> {
    let drill = &args.drill;
    let catalog = Catalog::load_for_home(&ctx.home, &ctx.extra_banks)?;
    let pool = question_pool(&catalog, &drill.category, &drill.situation)?;
    let history = History::open(&ctx.home)?;
    let practice = read_practice(&history)?;
    let model = Fsrs::default();
    let schedule = practice.schedule(&model);
    let keys: Vec<String> = pool
        .iter()
        .map(|(b, q)| format!("{}/{}", b.category, q.id))
        .collect();
    let candidates: Vec<Candidate<'_>> = pool
        .iter()
        .zip(&keys)
        .map(|((b, _), key)| Candidate {
            key,
            category: &b.category,
        })
        .collect();
    let zone = crate::drill::stamp::local_zone();
    let now = Timestamp::now();
    let today = now.to_zoned(zone.clone()).date();
    let end_today = end_of_day(today, &zone);

    if args.due {
        return print_due(&schedule, &candidates, &practice, now, &zone);
    }

    let count = usize::try_from(drill.count).unwrap_or(usize::MAX);
    let seed = drill.seed.unwrap_or_else(|| rand::rng().random());
    let set = choose(&model, &schedule, &candidates, count, now, end_today, seed);
    let mut intro = Vec::new();
    if schedule.memories.is_empty() {
        intro.push(
            "Nothing practised yet: today's set is new questions. From tomorrow, the ones \
             that stall you come back first."
                .to_string(),
        );
    }
    if set.picks.len() < count {
        intro.push(format!(
            "The chosen categories hold {}: today's set has {}.",
            plural(candidates.len(), "question", "questions"),
            set.picks.len()
        ));
    }
    intro.push(set_line(&set));
    print_intro(&intro)?;

    let input = input_mode(drill.input);
    let items = items_of(&pool, set.picks.iter().map(|p| p.0), drill, input);
    let rules = ModeRules {
        mode: Mode::Daily,
        feedback: true,
        rate: drill.rate && input != InputMode::Line,
    };
    let mut plan = FixedPlan::new(rules, items);
    let report = run_plan(ctx, &mut plan, input, &drill.voice)?;

    // What the session changed: its answers move the schedule and may
    // extend the streak.
    let mut after = practice;
    for a in &report.answers {
        after.add(&Record::Answer(a.record.clone()));
    }
    after.add(&Record::Session(report.closing.clone()));
    let schedule = after.schedule(&model);
    let mut extra = vec![streak_line(&after, Timestamp::now(), &zone)];
    extra.push(tomorrow_line(&schedule, &candidates, today, &zone));
    finish(ctx, &report, Closing::NextStep(&extra))
}

/// Streams the history into the schedule's facts, printing each warning.
pub(crate) fn read_practice(history: &History) -> anyhow::Result<Practice> {
    // Each reading thread gathers its own part; the parts are merged.
    let mut practice = Practice::new();
    for part in super::fold_history(history, Practice::new, Practice::add_at)? {
        practice.merge(part);
    }
    Ok(practice)
}

/// "Today: 2 due, 2 new, 1 more of the weakest."
fn set_line(set: &DailySet) -> String {
    let n = |r: Reason| set.picks.iter().filter(|p| p.1 == r).count();
    let mut parts = Vec::new();
    if n(Reason::Due) > 0 {
        parts.push(format!("{} due", n(Reason::Due)));
    }
    if n(Reason::New) > 0 {
        parts.push(format!("{} new", n(Reason::New)));
    }
    if n(Reason::Early) > 0 {
        parts.push(format!("{} early review of the weakest", n(Reason::Early)));
    }
    let waiting = set.due_today.saturating_sub(n(Reason::Due));
    let mut line = format!("Today's set: {}.", parts.join(", "));
    if waiting > 0 {
        let wait = if waiting == 1 { "waits" } else { "wait" };
        line.push_str(&format!(" {waiting} more due {wait} for another set."));
    }
    line
}

/// "Streak: 3 days." — counting today, or up to yesterday.
fn streak_line(practice: &Practice, now: Timestamp, zone: &TimeZone) -> String {
    let days = practice.practice_days(zone);
    let today = now.to_zoned(zone.clone()).date();
    let n = schedule::streak(&days, today);
    let unit = if n == 1 { "day" } else { "days" };
    if n == 0 {
        "Streak: none yet — answer one question today to start one.".to_string()
    } else if days.contains(&today) {
        format!("Streak: {n} {unit}, today included.")
    } else {
        format!("Streak: {n} {unit} up to yesterday — practise today to keep it.")
    }
}

/// "Due tomorrow: 3 questions (weaknesses, curveballs)."
fn tomorrow_line(
    schedule: &Schedule<schedule::FsrsState>,
    candidates: &[Candidate<'_>],
    today: jiff::civil::Date,
    zone: &TimeZone,
) -> String {
    let Ok(tomorrow) = today.tomorrow() else {
        return String::new();
    };
    let (n, cats) = due_by(schedule, candidates, end_of_day(tomorrow, zone));
    if n == 0 {
        "Due tomorrow: nothing — a free day, or new questions with `hotseat daily`.".to_string()
    } else {
        format!(
            "Due tomorrow: {} ({}).",
            plural(n, "question", "questions"),
            cats.join(", ")
        )
    }
}

/// `daily --due`: what is due now and tomorrow, question by question.
fn print_due(
    schedule: &Schedule<schedule::FsrsState>,
    candidates: &[Candidate<'_>],
    practice: &Practice,
    now: Timestamp,
    zone: &TimeZone,
) -> anyhow::Result<ExitCode> {
    let today = now.to_zoned(zone.clone()).date();
    let end_today = end_of_day(today, zone);
    let end_tomorrow = today
        .tomorrow()
        .map_or(Timestamp::MAX, |d| end_of_day(d, zone));
    let mut out = io::stdout().lock();
    if schedule.memories.is_empty() {
        writeln!(
            out,
            "Nothing practised yet: `hotseat daily` starts with new questions."
        )?;
    }
    let mut due_now: Vec<(&str, &schedule::Memory<schedule::FsrsState>)> = Vec::new();
    let mut due_tomorrow: Vec<(&str, &schedule::Memory<schedule::FsrsState>)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for c in candidates {
        if !seen.insert(c.key) {
            continue;
        }
        if let Some(m) = schedule.memories.get(c.key) {
            if m.due < end_today {
                due_now.push((c.key, m));
            } else if m.due < end_tomorrow {
                due_tomorrow.push((c.key, m));
            }
        }
    }
    let by_score = |a: &(&str, &schedule::Memory<schedule::FsrsState>),
                    b: &(&str, &schedule::Memory<schedule::FsrsState>)| {
        b.1.score().total_cmp(&a.1.score()).then(a.0.cmp(b.0))
    };
    due_now.sort_by(by_score);
    due_tomorrow.sort_by(by_score);
    let never = candidates
        .iter()
        .filter(|c| !schedule.memories.contains_key(c.key))
        .count();
    for (title, list) in [("Due now", &due_now), ("Due tomorrow", &due_tomorrow)] {
        writeln!(
            out,
            "{title}: {}.",
            plural(list.len(), "question", "questions")
        )?;
        for (key, m) in list {
            let last = m.last.local_date_in(zone);
            writeln!(
                out,
                "  {} — hesitation {:.1}, last answered {last} ({:?})",
                clean(key),
                m.score(),
                m.last_grade
            )?;
        }
    }
    writeln!(
        out,
        "Never asked: {}.",
        plural(never, "question", "questions")
    )?;
    writeln!(out, "{}", streak_line(practice, now, zone))?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_more_due_waits() {
        let set = |due_today| DailySet {
            picks: vec![(0, Reason::Due)],
            due_today,
        };
        assert_eq!(
            set_line(&set(2)),
            "Today's set: 1 due. 1 more due waits for another set."
        );
        assert_eq!(
            set_line(&set(3)),
            "Today's set: 1 due. 2 more due wait for another set."
        );
    }
}
