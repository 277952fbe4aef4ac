//! `hotseat stats` for a person: totals and streak, the charts, the
//! per-category table (stacked lines below [`TABLE_MIN`] columns), the
//! stickiest questions, the slowest starts and the longest pauses. Every
//! line fits the width given; history text goes through `clean`.

use comfy_table::{CellAlignment, ContentArrangement, LineStyle, Table, TableStyle};

use super::charts::{self, Step};
use super::stats::Stats;
use super::stats::content::ContentStats;
use crate::term::style::Paint;
use crate::text::clean;
use crate::text::duration::measured as duration;
use crate::text::plural;
use crate::text::wrap;

/// Below this many columns the category figures are stacked, one block per
/// category, instead of a table.
pub const TABLE_MIN: usize = 72;

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
    let table = (width >= TABLE_MIN)
        .then(|| category_table(stats, width))
        .flatten();
    if let Some(table) = table {
        out.extend(table.lines().map(str::to_string));
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

/// The content section: hedges per 100 words by category, each point's
/// share heard over the range and its last 14 days ("the result: 40% →
/// 70%"), the dodges heard most. Lines fit `width`; bank and history text
/// goes through `clean`.
#[must_use]
pub fn content_section(c: &ContentStats, width: usize, paint: Paint) -> Vec<String> {
    let width = width.max(20);
    let mut out = vec![String::new()];
    heading(
        &mut out,
        &format!("What your answers said, since {}", c.since),
        width,
        paint,
    );
    let push = |out: &mut Vec<String>, line: &str| out.extend(wrap(line, width, "    "));
    let read: u64 = c.categories.iter().map(|k| k.answers).sum();
    if read == 0 {
        push(
            &mut out,
            "No typed English answers in this range to read for content yet.",
        );
        return out;
    }
    let by: Vec<String> = c
        .categories
        .iter()
        .map(|k| format!("{} {:.1}", clean(&k.category), k.hedges_per_100_words))
        .collect();
    push(
        &mut out,
        &format!(
            "Hedges per 100 words: {:.1} over {} ({}).",
            c.hedges_per_100_words,
            plural(read, "answer", "answers"),
            by.join(" · ")
        ),
    );
    if !c.points.is_empty() {
        push(&mut out, "Points heard (in the range → its last 14 days):");
        for p in &c.points {
            let share = |heard: u64, of: u64| percent(heard as f64 / of.max(1) as f64);
            let recent = if p.answers_14d == 0 {
                "(none in the last 14 days)".to_string()
            } else {
                format!(
                    "→ {} of {} in the last 14 days",
                    share(p.heard_14d, p.answers_14d),
                    plural(p.answers_14d, "answer", "answers")
                )
            };
            push(
                &mut out,
                &format!(
                    "  {} · {}: {} of {} {recent}",
                    clean(&p.category),
                    clean(&p.point),
                    share(p.heard, p.answers),
                    plural(p.answers, "answer", "answers"),
                ),
            );
        }
    }
    if !c.avoid.is_empty() {
        let top: Vec<String> = c
            .avoid
            .iter()
            .map(|a| format!("“{}” ×{}", clean(&a.text), a.count))
            .collect();
        push(&mut out, &format!("Dodges heard most: {}.", top.join(", ")));
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

/// The per-category table at its natural width, or `None` when that is
/// wider than `width`: squeezed, comfy-table would split a category's name
/// mid-word (`company-resear`/`ch`), so the stacked lines are used instead.
fn category_table(stats: &Stats, width: usize) -> Option<String> {
    let mut t = Table::new();
    // A rule under the header only: lines between rows are noise here.
    t.load_style(TableStyle::new().header_separator(LineStyle::none().fill('─').junction('─')))
        .set_content_arrangement(ContentArrangement::Disabled)
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
    let table = t.to_string();
    table
        .lines()
        .all(|line| crate::text::width(line) <= width)
        .then_some(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::stats::content::{AvoidCount, CategoryContent, PointShare};

    #[test]
    fn category_names_are_never_split_in_the_table() {
        use crate::drill::{AnswerRecord, Record, Stamp};
        use crate::report::stats::{Filter, StatsBuilder};
        let mut b = StatsBuilder::new(Filter::all(jiff::tz::TimeZone::UTC));
        for q in ["tell-me-about-yourself/intro", "company-research/why-us"] {
            let at = Stamp::parse("2026-11-30T10:00:00.000Z").unwrap();
            let a = AnswerRecord::builder(q).at(at).think_ms(123_456).build();
            b.add(&Record::Answer(a));
        }
        let stats = b.finish(jiff::civil::date(2026, 12, 1));
        let mut tables = 0;
        // 40 columns is the narrowest the report promises to fit.
        for width in 40..=120 {
            let lines = render(&stats, width, Paint::new(false));
            // The "By category" section, up to the blank line after it.
            let section: Vec<&String> = lines
                .iter()
                .skip_while(|l| !l.contains("By category"))
                .take_while(|l| !l.is_empty())
                .collect();
            for name in ["tell-me-about-yourself", "company-research"] {
                assert!(
                    section.iter().any(|l| l.contains(name)),
                    "{width}:\n{}",
                    lines.join("\n")
                );
            }
            for line in &lines {
                assert!(crate::text::width(line) <= width, "{width}: {line:?}");
            }
            tables += usize::from(lines.iter().any(|l| l.contains("fillers ")));
        }
        // The wide terminals still get the table.
        assert!(tables > 0);
    }

    #[test]
    fn the_content_section_shows_each_points_change_and_fits_narrow_widths() {
        let c = ContentStats {
            since: "2026-09-03".into(),
            hedges_per_100_words: 1.64,
            categories: vec![CategoryContent {
                category: "behavioral".into(),
                answers: 10,
                hedges_per_100_words: 1.64,
            }],
            points: vec![
                PointShare {
                    category: "behavioral".into(),
                    point: "the result".into(),
                    answers: 10,
                    heard: 4,
                    answers_14d: 3,
                    heard_14d: 2,
                },
                PointShare {
                    category: "behavioral".into(),
                    point: "the situation".into(),
                    answers: 2,
                    heard: 2,
                    answers_14d: 0,
                    heard_14d: 0,
                },
            ],
            avoid: vec![AvoidCount {
                text: "wasn't my fault".into(),
                count: 3,
            }],
        };
        let lines = content_section(&c, 100, Paint::new(false));
        assert_eq!(
            lines,
            vec![
                "",
                "What your answers said, since 2026-09-03",
                "Hedges per 100 words: 1.6 over 10 answers (behavioral 1.6).",
                "Points heard (in the range → its last 14 days):",
                "  behavioral · the result: 40% of 10 answers → 67% of 3 answers in the last 14 days",
                "  behavioral · the situation: 100% of 2 answers (none in the last 14 days)",
                "Dodges heard most: “wasn't my fault” ×3.",
            ]
        );
        for line in content_section(&c, 40, Paint::new(false)) {
            assert!(line.chars().count() <= 40, "{line}");
        }
        let empty = ContentStats {
            categories: Vec::new(),
            points: Vec::new(),
            avoid: Vec::new(),
            ..c
        };
        assert_eq!(
            content_section(&empty, 80, Paint::new(false))[2],
            "No typed English answers in this range to read for content yet."
        );
    }
}
