//! The `hotseat` binary: parse arguments, run a command, map errors to
//! exit codes. Everything else lives in the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    hotseat::commands::main()
}
