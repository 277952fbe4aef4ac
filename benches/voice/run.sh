#!/usr/bin/env bash
# Voice input: what the voice-activity detector costs, and how close its
# figures come to the truth.
#   1. VAD cost per minute of audio, against real time: the four committed
#      fixtures looped to 10 minutes of audio, measured by examples/voice_vad
#      (the same Listener a voice answer uses: bytes in 4 KiB reads, earshot,
#      the smoothing, the engine).
#   2. Think-time and pause-length error on each fixture against the true
#      figures of tests/fixtures/voice/README.md: mean and worst, in ms.
# A benchmark, not a test: nothing here asserts. Needs only cargo.
#   bash benches/voice/run.sh        # results also in target/bench/voice.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --quiet --example voice_vad
bin=target/release/examples/voice_vad
fx=tests/fixtures/voice
out=target/bench
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. Cost: ~10 minutes of speech, noise and silence.
for _ in $(seq 25); do cat "$fx"/*.raw; done > "$tmp/long.raw"
for run in 1 2 3; do
  "$bin" --pause 2000 "$tmp/long.raw"
done | awk '{
  for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  ms = v["audio_ms"]; us = v["vad_us"]
  if (best == "" || us < best) { best = us; audio = ms }
} END {
  per_min = best / 1000 / (audio / 60000)
  printf "VAD cost: %.1f ms per minute of audio (%.5f of real time; best of 3 over %.1f min)\n",
    per_min, per_min / 60000, audio / 60000
}' | tee "$out/voice.txt"

# 2. Error against the truth: think time, then each pause length (ms).
truth() {
  case "$1" in
    break.raw)        echo "1000 2500" ;;
    constructed.raw)  echo "1400 2400" ;;
    noisy-break.raw)  echo "1000 2500" ;;
    noisy-steady.raw) echo "800" ;;
  esac
}
for f in "$fx"/*.raw; do
  name=$(basename "$f")
  echo "$("$bin" --pause 2000 "$f") truth=$(truth "$name" | tr ' ' ',')"
done | awk '
function abs(x) { return x < 0 ? -x : x }
{
  for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  n = split(v["truth"], t, ",")
  e = abs(v["think_ms"] - t[1]); te += e; tn++; if (e > tw) tw = e
  np = split(v["pauses"], p, ",")
  if (v["pauses"] == "") np = 0
  if (np != n - 1) { printf "%s: %d pauses found, %d true\n", $1, np, n - 1; bad++ }
  for (j = 1; j <= np && j < n; j++) {
    split(p[j], sl, "+"); e = abs(sl[2] - t[j + 1]); pe += e; pn++; if (e > pw) pw = e
  }
  tp = n > 1 ? substr(v["truth"], index(v["truth"], ",") + 1) : "none"
  printf "%-40s think %5d ms (true %5d)  pauses at+ms %s (true lengths %s)\n", $1, v["think_ms"], t[1], (np ? v["pauses"] : "none"), tp
} END {
  printf "think-time error: mean %.0f ms, worst %d ms (%d fixtures)\n", te / tn, tw, tn
  printf "pause-length error: mean %.0f ms, worst %d ms (%d pauses); missed or false pauses: %d\n", pe / pn, pw, pn, bad + 0
}' | tee -a "$out/voice.txt"
