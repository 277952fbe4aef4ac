//! `hotseat export`: sessions and answers in the range (or one session)
//! written as Markdown, JSON, CSV or HTML to standard output or, through a
//! temporary file renamed into place, to `--output` (mode 0600: it holds
//! the user's answers).

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use super::stats::{since_date, today};
use super::{scan_history, scan_history_with};
use crate::cli::{ExportArgs, ExportFormat};
use crate::drill::Record;
use crate::history::History;
use crate::report::export::{self as fmt, CsvRows, Export};
use crate::report::html;
use crate::report::ratings::Ratings;
use crate::report::sessions::SessionList;
use crate::report::stats::{Filter, StatsBuilder};

/// Runs `hotseat export`.
pub fn run(ctx: &super::Context, args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let zone = crate::drill::stamp::local_zone();
    let today = today(&zone)?;
    let history = History::open(&ctx.home)?;
    let session = match &args.session {
        Some(wanted) => Some(
            super::review::find_session(&history, wanted)?
                .map_or_else(|| wanted.clone(), |row| row.session),
        ),
        None => None,
    };
    let filter = Filter {
        since: since_date(args.since, today),
        categories: Vec::new(),
        mode: None,
        session,
        zone: zone.clone(),
    };
    if let Some(path) = &args.output {
        write_private(path, |out| {
            export(&history, args.format, &filter, today, out)
        })
    } else {
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        export(&history, args.format, &filter, today, &mut out)?;
        out.flush()?;
        Ok(())
    }?;
    Ok(ExitCode::SUCCESS)
}

/// What the CSV export keeps of one record.
enum CsvPart {
    Row(fmt::CsvRow),
    Rating(crate::drill::Rating),
    Nothing,
}

/// Reads the history and writes the export to `out`.
fn export(
    history: &History,
    format: ExportFormat,
    filter: &Filter,
    today: jiff::civil::Date,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if format == ExportFormat::Json {
        return export_json(history, filter, out);
    }
    if format == ExportFormat::Csv {
        // Rows only: no figures, no records kept.
        let mut rows = CsvRows::new();
        let mut ratings = Ratings::new();
        // Each row is made on the reading thread that parsed its answer.
        scan_history_with(
            history,
            || (),
            |(), r| match r {
                Record::Answer(a) if filter.keeps(a).is_some() => CsvPart::Row(CsvRows::row(a)),
                Record::Rating(r) => CsvPart::Rating(r.clone()),
                _ => CsvPart::Nothing,
            },
            |part| match part {
                CsvPart::Row(row) => rows.push(row),
                CsvPart::Rating(rating) => ratings.add(&rating),
                CsvPart::Nothing => {}
            },
        )?;
        rows.write(out, &ratings)?;
        return Ok(());
    }
    let mut builder = StatsBuilder::new(filter.clone());
    let mut list = SessionList::new();
    let mut answers = Vec::new();
    let mut ratings = Ratings::new();
    scan_history(history, |r| {
        builder.add(&r);
        list.add(&r);
        match r {
            Record::Answer(a) if filter.keeps(&a).is_some() => answers.push(a),
            Record::Rating(r) => ratings.add(&r),
            _ => {}
        }
    })?;
    ratings.attach(&mut answers);
    let with_answers: HashSet<&str> = answers.iter().map(|a| a.session.as_str()).collect();
    let sessions = list
        .finish()
        .into_iter()
        .filter(|s| match &filter.session {
            Some(id) => s.session == *id,
            None => {
                with_answers.contains(s.session.as_str())
                    || filter
                        .since
                        .is_none_or(|d| s.started.local_date_in(&filter.zone) >= d)
            }
        })
        .collect();
    let e = Export {
        today,
        since: filter.since,
        session: filter.session.clone(),
        sessions,
        answers,
        stats: builder.finish(today),
        zone: filter.zone.clone(),
    };
    // JSON and CSV were written above; these two are whole documents.
    if format == ExportFormat::Html {
        html::write_html(out, &e)?;
    } else {
        fmt::write_markdown(out, &e)?;
    }
    Ok(())
}

/// The records in range as stored, as one JSON array (streamed: one record
/// at a time), one record per line.
fn export_json(history: &History, filter: &Filter, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut first = true;
    let mut failed: Option<io::Error> = None;
    out.write_all(b"[")?;
    scan_history(history, |r| {
        if failed.is_some() {
            return;
        }
        let keep = match &r {
            Record::Answer(a) => filter.keeps(a).is_some(),
            Record::Session(s) => match &filter.session {
                Some(id) => s.session == *id,
                None => filter
                    .since
                    .is_none_or(|d| s.started.local_date_in(&filter.zone) >= d),
            },
            Record::Rating(g) => match &filter.session {
                Some(id) => g.session == *id,
                None => filter
                    .since
                    .is_none_or(|d| g.answer_at.local_date_in(&filter.zone) >= d),
            },
        };
        if !keep {
            return;
        }
        let sep: &[u8] = if first { b"\n" } else { b",\n" };
        first = false;
        if let Err(e) = out
            .write_all(sep)
            .and_then(|()| fmt::write_json_value(out, &r))
        {
            failed = Some(e);
        }
    })?;
    if let Some(e) = failed {
        return Err(e.into());
    }
    out.write_all(b"\n]\n")?;
    Ok(())
}

/// Writes `path` through a temporary file beside it (mode 0600), synced,
/// then renamed over it: a reader never sees half a report, and a failed
/// export leaves any earlier file as it was.
fn write_private(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file: File = options
        .open(&tmp)
        .with_context(|| format!("cannot write {}", path.display()))?;
    let result = (|| -> anyhow::Result<()> {
        let mut w = BufWriter::new(&file);
        write(&mut w)?;
        w.flush()?;
        drop(w);
        file.sync_all()?;
        fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}
