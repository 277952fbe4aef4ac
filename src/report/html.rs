//! `hotseat export --format html`: one self-contained page — inline CSS,
//! inline SVG charts (think time over time, pauses per category, the
//! practice calendar), the sessions and the answers — with no script and
//! nothing loaded from elsewhere. Every piece of history text is sanitized
//! and then escaped ([`esc`]); the markup is well-formed XML (void
//! elements self-closed) so it can be checked by a parser.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::charts::{EMPTY_DAY, monday_of, shade};
use super::export::{Export, flags};
use super::review::{inline_pauses, local_time};
use crate::text::clean;
use crate::text::duration::measured as duration;

/// `text` sanitized and escaped for HTML text and attribute values.
#[must_use]
pub fn esc(text: &str) -> String {
    let s = clean(text);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}\
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}\
table{border-collapse:collapse;width:100%;margin:.5em 0}\
th,td{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}\
td.n{text-align:right;white-space:nowrap}\
.p{background:#fde7b0;border-radius:3px;padding:0 .2em;font-weight:600}\
svg{max-width:100%;height:auto}svg text{font:11px sans-serif;fill:#444}\
.l0{fill:#eee}.l1{fill:#c6e48b}.l2{fill:#7bc96f}.l3{fill:#239a3b}.l4{fill:#196127}";

/// Writes the page.
pub fn write_html(out: &mut dyn Write, e: &Export) -> io::Result<()> {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\
         <title>hotseat practice report</title><style>{STYLE}</style></head><body>\n\
         <h1>hotseat practice report</h1>\n<p>{}: {} answers in {} sessions (made {}). Streak: {} days.</p>\n",
        esc(&e.range()),
        e.stats.answers,
        e.sessions.len(),
        e.today,
        e.stats.streak_days
    );
    if !e.stats.days.is_empty() {
        h.push_str("<h2>Median think time per day</h2>\n");
        h.push_str(&think_chart(e));
        h.push_str("<h2>Pauses per answer, by category</h2>\n");
        h.push_str(&pause_bars(e));
        h.push_str("<h2>Practice calendar</h2>\n");
        h.push_str(&calendar(e));
    }
    h.push_str(&category_table(e));
    h.push_str("<h2>Sessions</h2>\n<table><thead><tr><th>started</th><th>session</th><th>mode</th><th>answered</th><th>skipped</th><th>ended early</th></tr></thead><tbody>\n");
    for s in &e.sessions {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            esc(&local_time(&s.started, &e.zone)),
            esc(&s.session),
            esc(&format!("{:?}", s.mode).to_lowercase()),
            s.answered,
            s.skipped,
            if s.interrupted { "yes" } else { "no" }
        );
    }
    h.push_str("</tbody></table>\n<h2>Answers</h2>\n<p>⏸ marks a pause where it happened.</p>\n<table><thead><tr><th>at</th><th>question</th><th>think</th><th>answer</th><th>pauses</th><th>flags</th><th>text</th></tr></thead><tbody>\n");
    // The answers are most of a long history's page: written row by row,
    // not gathered first.
    out.write_all(h.as_bytes())?;
    for a in &e.answers {
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(&local_time(&a.at, &e.zone)),
            esc(&a.question),
            duration(a.think_ms),
            duration(a.answer_ms),
            a.pauses.len(),
            esc(&flags(a)),
            marked(&inline_pauses(&a.text, &a.pauses))
        )?;
    }
    out.write_all(b"</tbody></table>\n</body></html>\n")
}

/// Escaped text with each pause mark (`⏸4.5s`) in a highlighted span.
fn marked(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            if w.starts_with(super::review::PAUSE_MARK) {
                format!("<span class=\"p\">{}</span>", esc(w))
            } else {
                esc(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn category_table(e: &Export) -> String {
    let mut h = String::from(
        "<h2>By category</h2>\n<table><thead><tr><th>category</th><th>answers</th><th>think median</th><th>think mean</th><th>pauses/answer</th><th>skipped</th><th>over</th><th>fillers/100 words</th></tr></thead><tbody>\n",
    );
    for c in &e.stats.categories {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.1}</td><td class=\"n\">{:.0}%</td><td class=\"n\">{:.0}%</td><td class=\"n\">{:.1}</td></tr>",
            esc(&c.category),
            c.answers,
            duration(c.think_ms_median),
            duration(c.think_ms_mean),
            c.pauses_per_answer(),
            c.skip_rate() * 100.0,
            c.overrun_rate() * 100.0,
            c.fillers_per_100_words()
        );
    }
    h.push_str("</tbody></table>\n");
    h
}

/// A line of the daily median think time, one point per day with answers.
fn think_chart(e: &Export) -> String {
    let days = &e.stats.days;
    let (w, hgt, pad) = (600.0_f64, 160.0_f64, 30.0_f64);
    let first = days[0].date;
    let last = days[days.len() - 1].date;
    let span = f64::from((last - first).get_days().max(1));
    let max = days
        .iter()
        .map(|d| d.think_ms_median)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let x = |d: jiff::civil::Date| pad + f64::from((d - first).get_days()) / span * (w - 2.0 * pad);
    let y = |ms: u64| hgt - pad - ms as f64 / max * (hgt - 2.0 * pad);
    let points: Vec<String> = days
        .iter()
        .map(|d| format!("{:.1},{:.1}", x(d.date), y(d.think_ms_median)))
        .collect();
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {hgt}\" width=\"{w}\" height=\"{hgt}\" role=\"img\" aria-label=\"median think time per day\">\
         <line x1=\"{pad}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"#999\"/>\
         <text x=\"2\" y=\"{t}\">{}</text><text x=\"2\" y=\"{b}\">0s</text>\
         <text x=\"{pad}\" y=\"{l}\">{first}</text><text x=\"{lr}\" y=\"{l}\">{last}</text>\
         <polyline fill=\"none\" stroke=\"#2a6fdb\" stroke-width=\"2\" points=\"{}\"/>",
        duration(max as u64),
        points.join(" "),
        b = hgt - pad,
        r = w - pad,
        t = pad,
        l = hgt - 8.0,
        lr = w - pad - 70.0,
    );
    for d in days {
        let _ = write!(
            s,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.5\" fill=\"#2a6fdb\"><title>{}: {} ({} answers)</title></circle>",
            x(d.date),
            y(d.think_ms_median),
            d.date,
            duration(d.think_ms_median),
            d.answers
        );
    }
    s.push_str("</svg>\n");
    s
}

/// One bar per category: pauses per answer.
fn pause_bars(e: &Export) -> String {
    let cats = &e.stats.categories;
    let row = 22.0_f64;
    let (w, label) = (600.0_f64, 180.0_f64);
    let h = row * cats.len() as f64 + 10.0;
    let max = cats
        .iter()
        .map(super::stats::CategoryStats::pauses_per_answer)
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"pauses per answer by category\">"
    );
    for (i, c) in cats.iter().enumerate() {
        let y = 5.0 + row * i as f64;
        let len = c.pauses_per_answer() / max * (w - label - 60.0);
        let _ = write!(
            s,
            "<text x=\"0\" y=\"{:.1}\">{}</text><rect x=\"{label}\" y=\"{y:.1}\" width=\"{len:.1}\" height=\"{:.1}\" fill=\"#e0883a\"/><text x=\"{:.1}\" y=\"{:.1}\">{:.1}</text>",
            y + 14.0,
            esc(&c.category),
            row - 6.0,
            label + len + 4.0,
            y + 14.0,
            c.pauses_per_answer()
        );
    }
    s.push_str("</svg>\n");
    s
}

/// Weeks × weekdays, shaded by answers per day, ending with today's week
/// (at most a year).
fn calendar(e: &Export) -> String {
    let days = &e.stats.days;
    let today = e.today;
    let first = e.since.unwrap_or(days[0].date).max(
        today
            .checked_sub(jiff::Span::new().days(364))
            .unwrap_or(today),
    );
    let start = monday_of(first);
    let weeks = ((monday_of(today) - start).get_days() / 7 + 1).max(1);
    let max = days
        .iter()
        .filter(|d| d.date >= start)
        .map(|d| d.answers)
        .max()
        .unwrap_or(0);
    let cell = 12.0_f64;
    let (w, h) = (30.0 + cell * f64::from(weeks), 7.0 * cell + 4.0);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"practice calendar\">\
         <text x=\"0\" y=\"10\">Mon</text><text x=\"0\" y=\"46\">Thu</text><text x=\"0\" y=\"82\">Sun</text>"
    );
    for wk in 0..weeks {
        for k in 0..7 {
            let Ok(day) = start.checked_add(jiff::Span::new().days(wk * 7 + k)) else {
                continue;
            };
            if day > today || day < first {
                continue;
            }
            let n = days
                .binary_search_by(|d| d.date.cmp(&day))
                .map_or(0, |i| days[i].answers);
            let level = match shade(n, max) {
                EMPTY_DAY => 0,
                c => super::charts::SHADES
                    .iter()
                    .position(|&x| x == c)
                    .map_or(0, |i| i + 1),
            };
            let _ = write!(
                s,
                "<rect class=\"l{level}\" x=\"{:.0}\" y=\"{:.0}\" width=\"10\" height=\"10\"><title>{day}: {n} answers</title></rect>",
                30.0 + cell * f64::from(wk),
                cell * f64::from(k)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}
