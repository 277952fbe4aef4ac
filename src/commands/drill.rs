//! `hotseat drill`.

use std::process::ExitCode;

use crate::cli::DrillArgs;

/// Runs a drill.
pub fn run(_ctx: &super::Context, _args: &DrillArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("drill: being built")
}
