#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, the Rust tests, and the browser suite
# (axe-core, vnu, reflow, keyboard) against the built default site. Installs what a fresh machine
# lacks (Debian's chromium, the pinned npm packages). Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

# One check that counts as one test.
check() {
  local name=$1
  shift
  if "$@" >"$log_dir/out" 2>&1; then
    passed=$((passed + 1))
    echo "ok      $name"
  else
    failed=$((failed + 1))
    echo "FAILED  $name"
    sed 's/^/        /' "$log_dir/out" | tail -n 60
  fi
}

# A step whose own summary ("N passed, N failed" or nextest's) is added to the totals.
suite() {
  local name=$1
  shift
  "$@" 2>&1 | tee "$log_dir/suite"
  local status=${PIPESTATUS[0]}
  local line p f
  line=$(grep -E '[0-9]+ passed' "$log_dir/suite" | tail -n 1)
  p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || echo 0)
  f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || echo 0)
  p=${p:-0}
  f=${f:-0}
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1 # the suite failed before it could count its tests
    echo "FAILED  $name (exit status $status)"
  fi
  passed=$((passed + p))
  failed=$((failed + f))
}

check "cargo fmt --check" cargo fmt --all -- --check
check "cargo clippy --all-targets -- -D warnings" cargo clippy --all-targets --quiet -- -D warnings
suite "cargo nextest" cargo nextest run --no-fail-fast --color never
suite "browser suite" bash tools/browser-test.sh

# The benchmark corpus (examples/synthetic.rs) must stay a valid site: a check that starts rejecting
# what it generates would otherwise show up only in the next benchmark.
synthetic_check() {
  local dir
  dir=$(mktemp -d)
  cargo run --release --quiet --example synthetic -- "$dir/site" 300 --seed 42 >/dev/null 2>&1 &&
    cargo run --release --quiet -- --root "$dir/site" check >"$dir/check.txt" 2>&1
  local status=$?
  [ "$status" -eq 0 ] || grep -A6 '^error' "$dir/check.txt" | head -n 40
  rm -rf "$dir"
  return "$status"
}
check "the 300-case benchmark corpus passes inspira check" synthetic_check

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
