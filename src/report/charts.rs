//! Terminal charts in plain block characters — a sparkline, a practice
//! calendar (weeks × weekdays, like a contribution graph) and horizontal
//! bars. Pure: numbers in, lines out; every line fits the width given.
//! Colour is never needed to read them (the caller may add it).

use jiff::civil::{Date, Weekday};
use unicode_width::UnicodeWidthStr;

use super::stats::{DayStats, median};

/// The sparkline's eight heights.
pub const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/// A calendar day with no practice.
pub const EMPTY_DAY: char = '·';
/// The calendar's four shades, fewest answers first.
pub const SHADES: [char; 4] = ['░', '▒', '▓', '█'];
/// Partial bar ends, one to seven eighths.
const EIGHTHS: [char; 7] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/// One character per value, its height scaled from 0 to the largest value;
/// a gap (no data) is a space.
#[must_use]
pub fn sparkline(values: &[Option<u64>]) -> String {
    let max = values.iter().flatten().copied().max().unwrap_or(0);
    values
        .iter()
        .map(|v| match v {
            None => ' ',
            Some(_) if max == 0 => SPARKS[0],
            Some(v) => {
                // In u128: `v * 7` of the largest values would overflow.
                let i = (u128::from(*v) * 7 + u128::from(max) / 2) / u128::from(max);
                SPARKS[usize::try_from(i).unwrap_or(7).min(7)]
            }
        })
        .collect()
}

/// How the sparkline groups days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// One character per day.
    Day,
    /// One character per week (Monday to Sunday).
    Week,
}

/// The sparkline's values for `from..=to`: median think time per day, or —
/// when the days do not fit in `width` — per week (the median of that
/// week's daily medians). At most `width` values, the latest kept.
#[must_use]
pub fn think_trend(
    days: &[DayStats],
    from: Date,
    to: Date,
    width: usize,
) -> (Vec<Option<u64>>, Step) {
    let span = usize::try_from((to - from).get_days().max(0)).unwrap_or(0) + 1;
    let step = if span <= width { Step::Day } else { Step::Week };
    let mut values: Vec<Option<u64>> = Vec::new();
    match step {
        Step::Day => {
            let mut d = from;
            let mut it = days.iter().peekable();
            while d <= to {
                while it.peek().is_some_and(|x| x.date < d) {
                    it.next();
                }
                values.push(it.peek().filter(|x| x.date == d).map(|x| x.think_ms_median));
                match d.tomorrow() {
                    Ok(next) => d = next,
                    Err(_) => break,
                }
            }
        }
        Step::Week => {
            let mut week = monday_of(from);
            let last = monday_of(to);
            let mut it = days.iter().peekable();
            while week <= last {
                let next = week
                    .checked_add(jiff::Span::new().days(7))
                    .unwrap_or(Date::MAX);
                let mut medians = Vec::new();
                while let Some(x) = it.peek().filter(|x| x.date < next) {
                    if x.date >= week {
                        medians.push(x.think_ms_median);
                    }
                    it.next();
                }
                values.push((!medians.is_empty()).then(|| median(&mut medians)));
                if next == Date::MAX {
                    break;
                }
                week = next;
            }
        }
    }
    let cut = values.len().saturating_sub(width);
    values.drain(..cut);
    (values, step)
}

/// The Monday of `date`'s week.
#[must_use]
pub fn monday_of(date: Date) -> Date {
    let back = i64::from(date.weekday().to_monday_zero_offset());
    date.checked_sub(jiff::Span::new().days(back))
        .unwrap_or(date)
}

/// The shade for a day with `n` answers when the busiest day had `max`.
#[must_use]
pub fn shade(n: u64, max: u64) -> char {
    if n == 0 || max == 0 {
        return EMPTY_DAY;
    }
    let level = (n * 4).div_ceil(max).clamp(1, 4);
    SHADES[usize::try_from(level - 1).unwrap_or(3)]
}

/// The practice calendar: a month row, then one row per weekday (Monday
/// first), one column per week, ending with `today`'s week; days after
/// today are blank. Shows at most `width` columns' worth of weeks (the
/// label takes 4) and no weeks before `first` (the first day covered).
#[must_use]
pub fn calendar(days: &[DayStats], first: Date, today: Date, width: usize) -> Vec<String> {
    const LABEL: usize = 4;
    let room = width.saturating_sub(LABEL).max(1);
    let last_week = monday_of(today);
    let first_week = monday_of(first.min(today));
    let span = usize::try_from((last_week - first_week).get_days() / 7).unwrap_or(0) + 1;
    let weeks = span.min(room);
    let start = last_week
        .checked_sub(jiff::Span::new().days(7 * (weeks as i64 - 1)))
        .unwrap_or(last_week);
    let max = days
        .iter()
        .filter(|d| d.date >= start && d.date <= today)
        .map(|d| d.answers)
        .max()
        .unwrap_or(0);
    let count = |date: Date| -> u64 {
        match days.binary_search_by(|d| d.date.cmp(&date)) {
            Ok(i) => days[i].answers,
            Err(_) => 0,
        }
    };
    // Month names above the week holding the month's first day, when they
    // do not run into the previous one.
    // Names may run past the last week, up to the width.
    let mut months = vec![' '; room.max(weeks)];
    let mut free_from = 0usize;
    for w in 0..weeks {
        let monday = start
            .checked_add(jiff::Span::new().days(7 * w as i64))
            .unwrap_or(start);
        let sunday = monday
            .checked_add(jiff::Span::new().days(6))
            .unwrap_or(monday);
        let label = if w == 0 {
            Some(monday.max(first))
        } else if sunday.day() <= 7 {
            Some(sunday)
        } else {
            None
        };
        if let Some(d) = label {
            let name = month_name(d.month());
            if w >= free_from && w + name.len() <= months.len() {
                for (k, c) in name.chars().enumerate() {
                    months[w + k] = c;
                }
                free_from = w + name.len() + 1;
            }
        }
    }
    let mut lines = vec![
        format!("{:LABEL$}{}", "", months.iter().collect::<String>())
            .trim_end()
            .to_string(),
    ];
    let weekdays = [
        (Weekday::Monday, "Mon"),
        (Weekday::Tuesday, ""),
        (Weekday::Wednesday, "Wed"),
        (Weekday::Thursday, ""),
        (Weekday::Friday, "Fri"),
        (Weekday::Saturday, ""),
        (Weekday::Sunday, "Sun"),
    ];
    for (k, (_, name)) in weekdays.iter().enumerate() {
        let mut row = format!("{name:LABEL$}");
        for w in 0..weeks {
            let day = start
                .checked_add(jiff::Span::new().days(7 * w as i64 + k as i64))
                .unwrap_or(start);
            row.push(if day > today || day < first {
                ' '
            } else {
                shade(count(day), max)
            });
        }
        lines.push(row.trim_end().to_string());
    }
    lines.push(format!(
        "{:LABEL$}less {EMPTY_DAY}{} more (busiest day: {max})",
        "",
        SHADES.iter().collect::<String>()
    ));
    lines
}

fn month_name(m: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES[usize::try_from(m - 1).unwrap_or(0).min(11)]
}

/// `text` as it is when it fits `width` columns, else cut with
/// [`with_ellipsis`](crate::text::with_ellipsis).
#[must_use]
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        text.to_string()
    } else {
        crate::text::with_ellipsis(text, width)
    }
}

/// One bar per `(label, value, shown)`: labels padded to a common width
/// (cut with "…" when long), bars scaled to the largest value with eighth
/// blocks, the shown value after. Every line fits `width`.
#[must_use]
pub fn bars(rows: &[(String, u64, String)], width: usize) -> Vec<String> {
    let shown_w = rows.iter().map(|r| r.2.width()).max().unwrap_or(0);
    let label_w = rows
        .iter()
        .map(|r| r.0.width())
        .max()
        .unwrap_or(0)
        .min(width.saturating_sub(shown_w + 3) / 2)
        .max(1);
    let bar_w = width.saturating_sub(label_w + shown_w + 2).max(1);
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0);
    rows.iter()
        .map(|(label, value, shown)| {
            let label = fit(label, label_w);
            let pad = label_w.saturating_sub(label.width());
            // In u128: a saturated product would shrink the largest bars.
            let eighths = (u128::from(*value) * (bar_w as u128 * 8))
                .checked_div(u128::from(max))
                .map_or(0, |e| usize::try_from(e).unwrap_or(0));
            let mut bar = "█".repeat(eighths / 8);
            if eighths % 8 > 0 {
                bar.push(EIGHTHS[eighths % 8 - 1]);
            }
            let bar_pad = bar_w.saturating_sub(bar.chars().count());
            format!("{label}{:pad$} {bar}{:bar_pad$} {shown}", "", "")
                .trim_end()
                .to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn day(d: Date, answers: u64, think: u64) -> DayStats {
        DayStats {
            date: d,
            answers,
            think_ms_median: think,
        }
    }

    #[test]
    fn sparkline_scales_from_zero_and_leaves_gaps() {
        assert_eq!(
            sparkline(&[Some(0), Some(4), None, Some(8), Some(1)]),
            "▁▅ █▂"
        );
        assert_eq!(sparkline(&[Some(0), Some(0)]), "▁▁");
        assert_eq!(sparkline(&[]), "");
    }

    #[test]
    fn trend_is_daily_when_it_fits_weekly_otherwise() {
        let days = [
            day(date(2026, 11, 30), 2, 1000),
            day(date(2026, 12, 2), 1, 3000),
        ];
        let (v, step) = think_trend(&days, date(2026, 11, 30), date(2026, 12, 3), 10);
        assert_eq!(step, Step::Day);
        assert_eq!(v, vec![Some(1000), None, Some(3000), None]);
        // 2026-11-30 is a Monday: both days fall in one week.
        let (v, step) = think_trend(&days, date(2026, 11, 30), date(2026, 12, 3), 3);
        assert_eq!(step, Step::Week);
        assert_eq!(v, vec![Some(2000)]);
    }

    #[test]
    fn shades_by_share_of_the_busiest_day() {
        assert_eq!(shade(0, 8), EMPTY_DAY);
        assert_eq!(shade(1, 8), '░');
        assert_eq!(shade(3, 8), '▒');
        assert_eq!(shade(5, 8), '▓');
        assert_eq!(shade(8, 8), '█');
    }

    #[test]
    fn calendar_marks_days_by_weekday_and_blanks_the_future() {
        // Tuesday 2026-12-01 is today; practice on Monday and Sunday before.
        let days = [day(date(2026, 11, 29), 4, 0), day(date(2026, 11, 30), 1, 0)];
        let lines = calendar(&days, date(2026, 11, 23), date(2026, 12, 1), 40);
        assert_eq!(lines[0], "    Nov");
        assert_eq!(lines[1], "Mon ·░"); // 23rd, 30th
        assert_eq!(lines[2], "    ··"); // 24th, today
        assert_eq!(lines[3], "Wed ·"); // 25th, then the future
        assert_eq!(lines[7], "Sun █");
        // Shades are relative to the busiest day shown.
        let lines = calendar(&days, date(2026, 11, 30), date(2026, 12, 1), 40);
        assert_eq!(lines[1], "Mon █");
        assert_eq!(lines[7], "Sun");
        for l in calendar(&days, date(2020, 1, 1), date(2026, 12, 1), 40) {
            assert!(l.width() <= 40, "{l}");
        }
    }

    #[test]
    fn bars_fit_and_scale() {
        let rows = vec![
            ("weaknesses".to_string(), 10, "10.0s".to_string()),
            ("curveballs".to_string(), 5, "5.0s".to_string()),
        ];
        let lines = bars(&rows, 40);
        assert!(lines.iter().all(|l| l.width() <= 40), "{lines:?}");
        let full = lines[0].matches('█').count();
        let half = lines[1].matches('█').count();
        assert!(full >= 2 * half && full <= 2 * half + 1, "{lines:?}");
        assert!(lines[0].ends_with(" 10.0s"));
    }
}
