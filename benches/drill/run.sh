#!/bin/sh
# Measures `hotseat drill` in a real pseudo-terminal: key-timestamp accuracy,
# CPU while a question waits, and time to the first question (against
# `hotseat --version`). Prints a Markdown summary on standard output.
#
# Usage: benches/drill/run.sh [accuracy|cpu|startup|all] [--keys N] [--runs N]
# Takes about a minute for `all`; run it on an otherwise idle machine.
set -eu
cd "$(dirname "$0")/../.."
cargo build --release --quiet --bin hotseat --example measure_drill
exec target/release/examples/measure_drill "$@"
