#!/usr/bin/env bash
# Measures the bank loader (a benchmark, not a test; nothing here asserts).
#
#   1. `hotseat banks list` with the nine built-in banks, against `true`
#      (the cost of starting any process).            target: <= 20 ms
#   2. `hotseat banks check big.yaml` on a generated 10,000-question bank
#      (one tip each, under the 1 MiB file cap), against the bare YAML parse
#      of the same file (examples/bank_parse_only.rs), both into a generic
#      `serde_yaml::Value` and into plain bank-shaped structs, which is what
#      the loader deserializes into before checking.   target: <= 80 ms
#
# Needs hyperfine (Debian: apt-get install -y hyperfine). Run from anywhere:
#   bash benches/banks.sh            # results also in target/bench/banks.md
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "benches/banks.sh: needs hyperfine (apt-get install -y hyperfine)" >&2; exit 1; }

cargo build --release --quiet --bin hotseat --example bank_parse_only
bin=target/release/hotseat
base=target/release/examples/bank_parse_only
out=target/bench
mkdir -p "$out"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT

# 10,000 questions, each with an id, a text and a tip.
big=$out/big.yaml
awk 'BEGIN {
  print "category: generated"; print "title: Generated"; print "limit: 90s"; print "questions:";
  for (i = 1; i <= 10000; i++) {
    printf "  - id: q-%05d\n    text: Tell me about problem %d at {company}.\n    tips: [Be concrete.]\n", i, i;
  }
}' > "$big"
echo "big.yaml: $(wc -c < "$big") bytes"

"$bin" --home "$home" banks check "$big"

hyperfine --warmup 5 --min-runs 30 -N --export-markdown "$out/list.md" \
  -n 'true (baseline)' 'true' \
  -n 'hotseat banks list' "$bin --home $home banks list"

hyperfine --warmup 3 --min-runs 20 -N --export-markdown "$out/load10k.md" \
  -n 'serde_yaml parse to Value (baseline)' "$base $big" \
  -n 'serde_yaml parse to structs (baseline)' "$base --typed $big" \
  -n 'hotseat banks check big.yaml' "$bin --home $home banks check $big"

cat "$out/list.md" "$out/load10k.md" > "$out/banks.md"
echo "results: $out/banks.md"
