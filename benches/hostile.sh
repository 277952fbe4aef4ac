#!/usr/bin/env bash
# Measures how hotseat copes with hostile input (a benchmark, not a test;
# nothing here asserts). Release build.
#
#   1. `hotseat banks check` of a 1 MiB bank whose text is nothing but `[`
#      (refused by the nesting pre-scan), against `true`.   target: < 100 ms
#   2. the same size of file nested exactly 64 deep (the most the pre-scan
#      lets through) around 100,000 short items: the parser's worst case.
#   3. the peak memory (max RSS) of a line-mode drill fed one 200 MB line,
#      against a drill fed one short line.                  target: <= 50 MB
#
# Needs hyperfine (apt-get install -y hyperfine) and GNU time (/usr/bin/time,
# apt-get install -y time). Run from anywhere: bash benches/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "benches/hostile.sh: needs hyperfine (apt-get install -y hyperfine)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "benches/hostile.sh: needs GNU time (apt-get install -y time)" >&2; exit 1; }

cargo build --release --quiet --bin hotseat
bin=$PWD/target/release/hotseat
out=target/bench
mkdir -p "$out"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT

deep=$out/deep.yaml
{ printf 'category: deep\nquestions:\n  - id: a\n    text: '; head -c $((1024 * 1024 - 46)) /dev/zero | tr '\0' '['; } > "$deep"
wide=$out/wide64.yaml
{ printf 'category: wide\nquestions:\n  - id: a\n    text: b\n    tags: '
  printf '[%.0s' $(seq 64)
  for _ in $(seq 100000); do printf 'ab, '; done
  printf ']%.0s' $(seq 64); printf '\n'; } > "$wide"
echo "deep.yaml: $(wc -c < "$deep") bytes; wide64.yaml: $(wc -c < "$wide") bytes"
"$bin" --home "$home" banks check "$deep" 2>&1 | head -1 || true
"$bin" --home "$home" banks check "$wide" 2>&1 | head -1 || true

hyperfine --warmup 3 --min-runs 20 -N -i --export-markdown "$out/hostile.md" \
  -n 'true (baseline)' 'true' \
  -n 'banks check: 1 MiB of [' "$bin --home $home banks check $deep" \
  -n 'banks check: 64 deep, 100k items' "$bin --home $home banks check $wide"

fixture=$PWD/tests/fixtures/fixture.yaml
short=$( { echo short | /usr/bin/time -f %M "$bin" --home "$home" --bank "$fixture" drill --category fixture --count 1 > /dev/null; } 2>&1 | tail -1)
huge=$( { head -c $((200 * 1000 * 1000)) /dev/zero | tr '\0' 'a'; echo; } | { /usr/bin/time -f %M "$bin" --home "$home" --bank "$fixture" drill --category fixture --count 1 > /dev/null; } 2>&1 | tail -1)
echo
echo "peak memory (max RSS), line-mode drill:"
echo "  one short line:       ${short} KiB"
echo "  one 200 MB line:      ${huge} KiB"
