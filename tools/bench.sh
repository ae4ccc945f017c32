#!/usr/bin/env bash
# Whole-build benchmark: builds synthetic sites of N cases (default 100, 1000, 10000) with the release
# binary and prints wall time, peak memory and inspira's per-stage timings. Figures go in BENCHMARKS.md.
# Usage: bash tools/bench.sh [N ...]   (needs /usr/bin/time from Debian's `time` package)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)
cargo build --release --quiet --bin inspira --example synthetic
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in "${sizes[@]}"; do
  target/release/examples/synthetic "$work/site-$n" "$n" 2>/dev/null
  echo "== $n cases"
  /usr/bin/time -f "wall %e s, peak RSS %M KiB" \
    target/release/inspira --root "$work/site-$n" build --timings --output "$work/site-$n/public" 2>&1 |
    grep -v '^$'
  echo "output: $(du -sh "$work/site-$n/public" | cut -f1), $(find "$work/site-$n/public" -type f | wc -l) files"
done
