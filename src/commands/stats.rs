//! `hotseat stats`: the history streamed once into `report::stats`, shown
//! as charts and tables fitted to the terminal, or as JSON. Also the few
//! things every report command decides the same way: today, the `--since`
//! date, the width to fit.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::{Usage, fold_history};
use crate::bank::Catalog;
use crate::cli::{ModeArg, Since, StatsArgs};
use crate::drill::{Mode, Record};
use crate::history::History;
use crate::report::content::Reader;
use crate::report::export::write_json_value;
use crate::report::stats::content::ContentBuilder;
use crate::report::stats::{Filter, StatsBuilder};
use crate::report::stats_view;
use crate::term::style::Paint;

/// The environment variable that fixes "today" (`YYYY-MM-DD`) for the
/// report commands. For tests only: snapshots need a day that does not
/// move. Read here and nowhere else.
pub const TODAY_VAR: &str = "HOTSEAT_TODAY";

/// Today's local date in `zone`, or the date in [`TODAY_VAR`] when set.
pub(crate) fn today(zone: &TimeZone) -> anyhow::Result<Date> {
    match std::env::var(TODAY_VAR) {
        Ok(s) => s.parse::<Date>().map_err(|e| {
            Usage(format!("{TODAY_VAR}={s:?} is not a date (YYYY-MM-DD): {e}")).into()
        }),
        Err(_) => Ok(jiff::Timestamp::now().to_zoned(zone.clone()).date()),
    }
}

/// The first date a `--since` covers: `7d` is today and the 6 days before.
pub(crate) fn since_date(since: Option<Since>, today: Date) -> Option<Date> {
    match since? {
        Since::Date(d) => Some(d),
        Since::Days(n) => Some(
            today
                .checked_sub(jiff::Span::new().days(i64::from(n) - 1))
                .unwrap_or(Date::MIN),
        ),
    }
}

/// The width to fit: the terminal's when standard output is one, else 80.
pub(crate) fn width() -> usize {
    if io::stdout().is_terminal() {
        crate::term::ui::terminal_width()
    } else {
        80
    }
}

/// The record mode for `--mode`.
pub(crate) fn mode(arg: ModeArg) -> Mode {
    match arg {
        ModeArg::Drill => Mode::Drill,
        ModeArg::Daily => Mode::Daily,
        ModeArg::Rehearse => Mode::Rehearse,
    }
}

/// Runs `hotseat stats`.
pub fn run(ctx: &super::Context, args: &StatsArgs) -> anyhow::Result<ExitCode> {
    let zone = crate::drill::stamp::local_zone();
    let today = today(&zone)?;
    let filter = Filter {
        since: since_date(args.since, today),
        categories: args.category.clone(),
        mode: args.mode.map(mode),
        session: None,
        zone,
    };
    let history = History::open(&ctx.home)?;
    // Content is read against the banks in use; a broken bank of the
    // user's must not stop the stats (the built-in signals still apply).
    let catalog = if args.content.on() {
        Catalog::load_for_home(&ctx.home, &ctx.extra_banks).ok()
    } else {
        None
    };
    let content = args
        .content
        .on()
        .then(|| ContentBuilder::new(filter.clone(), today, Reader::new(catalog.as_ref())));
    let builder = StatsBuilder::new(filter);
    // Everything — parsing, dating, counting, reading what the answers
    // said — is done on the reading threads, each into its own part of the
    // report (its own cache of compiled content matchers too); the parts
    // are merged once at the end.
    let parts = fold_history(
        &history,
        || (builder.part(), content.as_ref().map(ContentBuilder::part)),
        |(stats, content), at, r| {
            if let (Some(date), Some(content), Record::Answer(a)) =
                (stats.add_at(at, r), content.as_mut(), r)
            {
                content.read_at(at, a, date);
            }
        },
    )?;
    let (mut builder, mut content) = (builder, content);
    for (stats, said) in parts {
        builder.merge(stats);
        if let (Some(c), Some(said)) = (content.as_mut(), said) {
            c.merge(said);
        }
    }
    let stats = builder.finish(today);
    let content = content.map(ContentBuilder::finish);
    let mut out = io::stdout().lock();
    if args.json {
        write_json_value(&mut out, &stats.to_json_with(content.as_ref()))?;
        writeln!(out)?;
    } else {
        let paint = Paint::new(ctx.color);
        let mut lines = stats_view::render(&stats, width(), paint);
        if let Some(c) = &content {
            lines.extend(stats_view::content_section(c, width(), paint));
        }
        for line in lines {
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
