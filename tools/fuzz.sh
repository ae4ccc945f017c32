#!/usr/bin/env bash
# Fuzzes case files (front matter + Markdown) for a bounded time: `bash tools/fuzz.sh [seconds]` (default 300).
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`). The toolchain here is stable, so the script lets it
# use the nightly-only sanitizer flags with RUSTC_BOOTSTRAP=1. Crashes are saved under fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
# New inputs go to fuzz/corpus/ (not committed); fuzz/seeds/ holds the committed starting points.
mkdir -p fuzz/corpus/case_file
RUSTC_BOOTSTRAP=1 cargo fuzz run case_file fuzz/corpus/case_file fuzz/seeds -- -max_total_time="$seconds" -max_len=65536
