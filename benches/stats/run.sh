#!/usr/bin/env bash
# `hotseat stats --json` over a 100,000-answer history (documented record
# shape only, ~10-word answers, ~45 MB), side by side in one hyperfine run
# with `jq -s` computing the per-category mean think time of the same file,
# and with hotseat's bare read of it (examples/read_history.rs). Also
# `stats` (charts) and `export --format csv`, and the peak memory of
# `stats --json`. A benchmark, not a test: nothing here asserts.
#            targets: stats --json <= 150 ms and <= 0.1 x jq; peak <= 100 MB
# Needs hyperfine and jq (Debian: apt-get install -y hyperfine jq).
#   bash benches/stats/run.sh [N]     # results in target/bench/stats.{md,json}
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in hyperfine jq; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y $tool)" >&2; exit 1; }
done
n=${1:-100000}
cargo build --release --quiet --bin hotseat --example gen_history --example read_history
out=target/bench
mkdir -p "$out"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
target/release/examples/gen_history "$home/history.jsonl" "$n"
ls -l "$home/history.jsonl" | awk '{ printf "history: %.1f MB\n", $5 / 1e6 }'
jq_mean='map(select(.kind == "answer")) | group_by(.category) | map({category: .[0].category, think_ms_mean: (map(.think_ms) | add / length)})'
hyperfine --warmup 2 --min-runs 10 -N \
  --export-markdown "$out/stats.md" --export-json "$out/stats.json" \
  -n "stats --json" "target/release/hotseat --home $home stats --json" \
  -n "jq -s (per-category mean think time)" "jq -s '$jq_mean' $home/history.jsonl" \
  -n "bare read" "target/release/examples/read_history $home/history.jsonl" \
  -n "stats (charts)" "target/release/hotseat --home $home stats" \
  -n "export --format csv" "target/release/hotseat --home $home export --format csv"
jq -r '
  (.results | map({(.command): .mean}) | add) as $m
  | "stats --json: \($m["stats --json"] * 1000 | floor) ms; "
    + "ratio to jq -s: \($m["stats --json"] / $m["jq -s (per-category mean think time)"] * 1000 | round / 1000); "
    + "to the bare read: \($m["stats --json"] / $m["bare read"] * 100 | round / 100); "
    + "stats (charts) / stats --json: \($m["stats (charts)"] / $m["stats --json"] * 100 | round / 100); "
    + "export csv / stats --json: \($m["export --format csv"] / $m["stats --json"] * 100 | round / 100)"
' "$out/stats.json"
# CPU time (user + system) moves less than wall time on a shared machine.
jq -r '
  (.results | map({(.command): (.user + .system)}) | add) as $c
  | "CPU: stats --json \($c["stats --json"] * 1000 | floor) ms, bare read \($c["bare read"] * 1000 | floor) ms "
    + "(\($c["stats --json"] / $c["bare read"] * 100 | round / 100)x)"
' "$out/stats.json"
/usr/bin/time -f "stats --json peak RSS: %M KB" target/release/hotseat --home "$home" stats --json >/dev/null
/usr/bin/time -f "export --format csv peak RSS: %M KB" target/release/hotseat --home "$home" export --format csv >/dev/null

# Content (what the answers said): the same history with ~60-word answers
# over the real built-in question ids, `stats --json` against
# `stats --json --no-content` in one run. The default content range is the
# last 90 days; `--since 1970-01-01` makes every answer of the history
# fall in it (the worst case: each English answer read once).
#            target: with content <= 1.5 x --no-content, in both ranges
target/release/examples/gen_history "$home/history.jsonl" "$n" 60
ls -l "$home/history.jsonl" | awk '{ printf "history (60-word answers): %.1f MB\n", $5 / 1e6 }'
hyperfine --warmup 2 --min-runs 10 -N \
  --export-markdown "$out/stats_content.md" --export-json "$out/stats_content.json" \
  -n "content" "target/release/hotseat --home $home stats --json" \
  -n "no-content" "target/release/hotseat --home $home stats --json --no-content" \
  -n "content, all history" "target/release/hotseat --home $home stats --json --since 1970-01-01" \
  -n "no-content, all history" "target/release/hotseat --home $home stats --json --since 1970-01-01 --no-content"
jq -r '
  (.results | map({(.command): .mean}) | add) as $m
  | "stats --json content / --no-content: \($m["content"] / $m["no-content"] * 100 | round / 100) (last 90 days); "
    + "\($m["content, all history"] / $m["no-content, all history"] * 100 | round / 100) (every answer read)"
' "$out/stats_content.json"
/usr/bin/time -f "stats --json (content, all history) peak RSS: %M KB" \
  target/release/hotseat --home "$home" stats --json --since 1970-01-01 >/dev/null

