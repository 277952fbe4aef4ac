//! `hotseat config path|show|check`: where the defaults file is, what each
//! key is set to and where that came from, and whether the file is valid.
//! These always work, whatever the file holds.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::ConfigCommand;
use crate::config::{self, KEYS};
use crate::text::clean;

/// Runs a `config` subcommand.
pub fn run(ctx: &super::Context, cmd: &ConfigCommand) -> anyhow::Result<ExitCode> {
    let path = config::path(&ctx.home);
    let mut out = std::io::stdout().lock();
    match cmd {
        ConfigCommand::Path => writeln!(out, "{}", clean(&path.display().to_string()))?,
        ConfigCommand::Check => match config::load(&ctx.home)? {
            Some(_) => writeln!(out, "ok {}", clean(&path.display().to_string()))?,
            None => writeln!(
                out,
                "{}",
                clean(&format!(
                    "no config file at {}: the built-in defaults apply",
                    path.display()
                ))
            )?,
        },
        ConfigCommand::Show => {
            let loaded = config::load(&ctx.home)?.unwrap_or_default();
            let env = |var: &str| std::env::var(var).ok().filter(|v| !v.is_empty());
            writeln!(out, "{}", clean(&format!("# {}", path.display())))?;
            for ((key, value, from), (_, what, applies)) in
                config::show(&loaded).into_iter().zip(KEYS)
            {
                // The environment beats the file for these.
                let overridden = match key {
                    "recorder" => env("HOTSEAT_RECORDER").map(|v| (v, "HOTSEAT_RECORDER")),
                    "speaker" => env("HOTSEAT_SPEAKER").map(|v| (v, "HOTSEAT_SPEAKER")),
                    "color" => env("NO_COLOR").map(|_| ("never".to_string(), "NO_COLOR")),
                    _ => None,
                };
                let (value, from) = match overridden {
                    Some((v, var)) => (v, format!("environment ({var})")),
                    None => (value, from.to_string()),
                };
                writeln!(
                    out,
                    "{}",
                    clean(&format!("{key}: {value}  # {from}; {what}; {applies}"))
                )?;
            }
        }
    }
    out.flush().context("writing to standard output")?;
    Ok(ExitCode::SUCCESS)
}
