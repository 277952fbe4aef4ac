//! `hotseat banks list|show|check`.

use std::process::ExitCode;

use crate::cli::BanksCommand;

/// Runs a `banks` subcommand.
pub fn run(_ctx: &super::Context, _cmd: BanksCommand) -> anyhow::Result<ExitCode> {
    anyhow::bail!("banks: being built")
}
