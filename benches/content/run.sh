#!/usr/bin/env bash
# The content analyzer's speed (examples/content_bench.rs): a 300-word
# answer against 10 points and 2 dodges (µs, compiling the cues included
# and reading alone), MB/s, 10x the text and 10x the cues as ratios against
# the 300-word figure measured in the same run, the part-by-part split, and
# the hostile case (500 wildcard cues, an answer at the 20,000-char cap).
# A micro-benchmark in one process (each figure is the fastest of many
# runs), so no hyperfine; a benchmark, not a test: nothing here asserts.
#            targets: <= 50 us per answer; >= 20 MB/s; 10x -> <= ~10x; hostile < 1 s
#   bash benches/content/run.sh        # results in target/bench/content.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --quiet --example content_bench
mkdir -p target/bench
target/release/examples/content_bench | tee target/bench/content.txt
