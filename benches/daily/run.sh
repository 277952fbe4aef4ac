#!/usr/bin/env bash
# Choosing a daily set over a 100,000-answer history (documented record
# shape only, ~10-word answers), against the bare read of the same file by
# hotseat's own reader (examples/read_history.rs), side by side in one
# hyperfine run. A benchmark, not a test: nothing here asserts.
#                                                   target: <= 200 ms
# Needs hyperfine (Debian: apt-get install -y hyperfine).
#   bash benches/daily/run.sh [N]     # results in target/bench/daily.md
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install -y hyperfine)" >&2; exit 1; }
n=${1:-100000}
cargo build --release --quiet --bin hotseat --example gen_history --example read_history
out=target/bench
mkdir -p "$out"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
target/release/examples/gen_history "$home/history.jsonl" "$n"
ls -l "$home/history.jsonl" | awk '{ printf "history: %.1f MB\n", $5 / 1e6 }'
hyperfine --warmup 2 --min-runs 10 --export-markdown "$out/daily.md" \
  -n "bare read" "target/release/examples/read_history $home/history.jsonl" \
  -n "daily --due" "target/release/hotseat --home $home daily --due" \
  -n "daily (choose, then line input ends)" "target/release/hotseat --home $home daily --seed 1 </dev/null"
/usr/bin/time -f "daily --due peak RSS: %M KB" target/release/hotseat --home "$home" daily --due >/dev/null
