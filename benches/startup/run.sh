#!/usr/bin/env bash
# Start-up: `banks list` and reaching the first drill question, against
# `hotseat --version` (process start, argument parsing, exit: the floor),
# side by side in one hyperfine run, printed as ratios. A benchmark, not a
# test: nothing here asserts a time.                 target: <= 1.5x --version
#
# The drill is `drill --count 1` with standard input at end of file: it
# loads the banks, draws, opens the history, prints the first question,
# reads end of input and ends the session. The home is on tmpfs when there
# is one (/dev/shm), so the session record's fsync — a property of the
# disk, not of hotseat — does not swamp the figure.
#
# Needs hyperfine and jq (Debian: apt-get install -y hyperfine jq).
#   bash benches/startup/run.sh                  # release build, 300 runs
#   bash benches/startup/run.sh --runs 50
#   bash benches/startup/run.sh --bin PATH       # another build
#   bash benches/startup/run.sh --quick          # CI smoke: the test-profile
#                                                # binary, each command checked
#                                                # once, nothing timed
# Results also in target/bench/startup.{md,json}.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=300
warmup=20
bin=
quick=false
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --bin) bin=${2:?--bin needs a path}; shift 2 ;;
    --quick) quick=true; runs=2; warmup=0; shift ;;
    *) echo "usage: benches/startup/run.sh [--quick] [--runs N] [--bin PATH]" >&2; exit 2 ;;
  esac
done
# The quick mode times nothing, so it needs neither tool (CI may have
# neither): it checks that every timed command does what is claimed.
$quick || for tool in hyperfine jq; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y $tool)" >&2; exit 1; }
done
if [ -z "$bin" ]; then
  if $quick; then
    cargo build --quiet --bin hotseat
    bin=target/debug/hotseat
  else
    cargo build --release --quiet --bin hotseat
    bin=target/release/hotseat
  fi
fi
out=target/bench
mkdir -p "$out"
tmp=/dev/shm
[ -d "$tmp" ] && [ -w "$tmp" ] || tmp=${TMPDIR:-/tmp}
home=$(mktemp -d "$tmp/hotseat-startup.XXXXXX")
trap 'rm -rf "$home"' EXIT
export HOTSEAT_HOME=$home NO_COLOR=1

# What is timed must be what is claimed: the drill shows its first question.
shown=$("$bin" drill --count 1 </dev/null)
case $shown in
  *"Question 1 of 1"*) ;;
  *) printf 'the drill did not show its first question:\n%s\n' "$shown" >&2; exit 1 ;;
esac
"$bin" banks list | grep -q "built-in" || { echo "banks list shows no built-in bank" >&2; exit 1; }
"$bin" --version | grep -q "^hotseat " || { echo "--version printed no version" >&2; exit 1; }
if $quick; then
  echo "startup smoke: --version, banks list and drill --count 1 ran as timed ($bin)"
  exit 0
fi

# hyperfine gives every command /dev/null as standard input.
hyperfine -N --warmup "$warmup" --runs "$runs" --style basic \
  --prepare "rm -f $home/history.jsonl" \
  --export-json "$out/startup.json" --export-markdown "$out/startup.md" \
  -n "hotseat --version" "$bin --version" \
  -n "hotseat banks list" "$bin banks list" \
  -n "hotseat drill, first question" "$bin drill --count 1" >&2

size=$(wc -c <"$bin")
echo "| command | mean (ms) | median (ms) | user+sys (ms) | ratio to --version (mean) | ratio (user+sys) |"
echo "|---|---:|---:|---:|---:|---:|"
# The CPU ratio is the steadier one on a busy machine: waiting for a core
# is not the program's cost.
jq -r 'def ms: . * 1000 * 100 | round / 100;
  def x: . * 100 | round / 100 | tostring | if test("\\.") then . else . + ".0" end;
  .results[0] as $base | .results[] |
  "| \(.command) | \(.mean | ms) | \(.median | ms) | \(.user + .system | ms) | \(.mean / $base.mean | x)x | \((.user + .system) / ($base.user + $base.system) | x)x |"' \
  "$out/startup.json"
echo
echo "binary: $bin, $size bytes ($(( size / 1024 )) KiB); $runs runs"
