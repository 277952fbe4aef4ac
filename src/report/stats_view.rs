//! `hotseat stats` for a person: totals and streak, the charts, the
//! per-category table (stacked lines below [`TABLE_MIN`] columns), the
//! stickiest questions, the slowest starts and the longest pauses. Every
//! line fits the width given; history text goes through `clean`.

use comfy_table::{CellAlignment, ContentArrangement, LineStyle, Table, TableStyle};

use super::charts::{self, Step};
use super::stats::Stats;
use crate::drill::coach::duration;
use crate::term::countdown::wrap;
use crate::term::sanitize::clean;
use crate::term::style::Paint;

/// Below this many columns the category figures are stacked, one block per
/// category, instead of a table.
pub const TABLE_MIN: usize = 72;

/// "1 answer" / "3 answers".
pub fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn percent(rate: f64) -> String {
    format!("{:.0}%", rate * 100.0)
}

/// The whole report as lines, `width` columns wide at most.
pub fn render(stats: &Stats, width: usize, paint: Paint) -> Vec<String> {
    let width = width.max(20);
    let mut out: Vec<String> = Vec::new();
    let push_wrapped = |out: &mut Vec<String>, line: &str| {
        out.extend(wrap(line, width, "  "));
    };
    let range = match stats.since {
        Some(since) => format!("since {since}"),
        None => "all time".to_string(),
    };
    heading(
        &mut out,
        &format!("Stats, {range} (today {})", stats.today),
        width,
        paint,
    );
    if stats.answers == 0 {
        push_wrapped(
            &mut out,
            "No answers here yet. Run `hotseat drill` or `hotseat daily`, then come back to see where you hesitate.",
        );
        push_wrapped(&mut out, &streak_line(stats));
        return out;
    }
    push_wrapped(
        &mut out,
        &format!(
            "{} in {}. {}",
            plural(stats.answers, "answer", "answers"),
            plural(stats.sessions, "session", "sessions"),
            streak_line(stats)
        ),
    );

    let first = stats.since.unwrap_or_else(|| stats.days[0].date);
    let (values, step) = charts::think_trend(&stats.days, first, stats.today, width);
    out.push(String::new());
    let per = match step {
        Step::Day => "day",
        Step::Week => "week",
    };
    let max = values.iter().flatten().max().copied().unwrap_or(0);
    for line in wrap(
        &format!("Median think time per {per} (▁ 0s – █ {})", duration(max)),
        width,
        "  ",
    ) {
        out.push(paint.strong(&line));
    }
    out.push(charts::sparkline(&values));

    out.push(String::new());
    heading(
        &mut out,
        "Practice calendar (answers per day)",
        width,
        paint,
    );
    out.extend(charts::calendar(&stats.days, first, stats.today, width));

    out.push(String::new());
    heading(&mut out, "Median think time by category", width, paint);
    let rows: Vec<(String, u64, String)> = stats
        .categories
        .iter()
        .map(|c| {
            (
                clean(&c.category).into_owned(),
                c.think_ms_median,
                duration(c.think_ms_median),
            )
        })
        .collect();
    out.extend(charts::bars(&rows, width));

    out.push(String::new());
    heading(&mut out, "By category", width, paint);
    if width >= TABLE_MIN {
        out.extend(category_table(stats, width).lines().map(str::to_string));
        out.extend(wrap(
            "median, mean: think time · pauses: per answer · skip, over: share of answers skipped, past the limit · fillers: per 100 words",
            width,
            "",
        ));
    } else {
        for c in &stats.categories {
            out.push(charts::fit(&clean(&c.category), width));
            push_wrapped(
                &mut out,
                &format!(
                    "  {} · think median {} mean {} · {:.1} pauses/answer · skipped {} · over {} · {:.1} fillers/100 words",
                    plural(c.answers, "answer", "answers"),
                    duration(c.think_ms_median),
                    duration(c.think_ms_mean),
                    c.pauses_per_answer(),
                    percent(c.skip_rate()),
                    percent(c.overrun_rate()),
                    c.fillers_per_100_words()
                ),
            );
        }
    }

    out.push(String::new());
    heading(
        &mut out,
        "Stickiest questions (hesitation score, as daily uses)",
        width,
        paint,
    );
    if stats.stickiest.is_empty() {
        push_wrapped(&mut out, "None: no drill or daily answer here hesitated.");
    }
    for (i, s) in stats.stickiest.iter().enumerate() {
        let tail = format!(
            " {:.1} ({})",
            s.score,
            plural(u64::from(s.answers), "answer", "answers")
        );
        let head = format!("{:>2}. ", i + 1);
        let room = width.saturating_sub(head.len() + tail.len());
        out.push(format!(
            "{head}{}{tail}",
            charts::fit(&clean(&s.question), room)
        ));
    }

    out.push(String::new());
    heading(&mut out, "Slowest starts", width, paint);
    for s in &stats.slowest {
        push_wrapped(
            &mut out,
            &format!(
                "{} to start: {}, {}",
                duration(s.think_ms),
                clean(&s.question),
                s.date
            ),
        );
    }
    if !stats.longest.is_empty() {
        out.push(String::new());
        heading(&mut out, "Longest pauses", width, paint);
        for l in &stats.longest {
            push_wrapped(
                &mut out,
                &format!(
                    "{} {}: {}, {}",
                    duration(l.ms),
                    clean(&l.place),
                    clean(&l.question),
                    l.date
                ),
            );
        }
    }
    out
}

/// A heading, wrapped to `width`, each line in bold.
fn heading(out: &mut Vec<String>, text: &str, width: usize, paint: Paint) {
    out.extend(wrap(text, width, "  ").iter().map(|l| paint.strong(l)));
}

fn streak_line(stats: &Stats) -> String {
    let n = stats.streak_days;
    let days = plural(u64::from(n), "day", "days");
    if n == 0 {
        "Streak: none yet — practise today to start one.".to_string()
    } else if stats.practised_today {
        format!("Streak: {days}, today included.")
    } else {
        format!("Streak: {days} up to yesterday — practise today to keep it.")
    }
}

fn category_table(stats: &Stats, width: usize) -> String {
    let mut t = Table::new();
    // A rule under the header only: lines between rows are noise here.
    t.load_style(TableStyle::new().header_separator(LineStyle::none().fill('─').junction('─')))
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width).unwrap_or(u16::MAX))
        .set_header([
            "category", "answers", "median", "mean", "pauses", "skip", "over", "fillers",
        ]);
    for c in &stats.categories {
        t.add_row([
            clean(&c.category).into_owned(),
            c.answers.to_string(),
            duration(c.think_ms_median),
            duration(c.think_ms_mean),
            format!("{:.1}", c.pauses_per_answer()),
            percent(c.skip_rate()),
            percent(c.overrun_rate()),
            format!("{:.1}", c.fillers_per_100_words()),
        ]);
    }
    for i in 1..8 {
        if let Some(col) = t.column_mut(i) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    t.to_string()
}
