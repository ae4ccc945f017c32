#!/usr/bin/env bash
# Build the site under a sub-path and run the browser test suite against it:
# axe-core (WCAG 2.1 A/AA), reflow at 320 px, text spacing, keyboard, links,
# requests, console errors, the Nu Html Checker, and screenshots.
#
#   tools/browser-test.sh            (run from the repository root)
#
# Environment:
#   INSPIRA_TEST_PORT    port for the local server (default 4517)
#   INSPIRA_TEST_PREFIX  URL prefix the site is served under (default /inspira-test/)
#   INSPIRA_TEST_JOBS    pages checked at once (default 2)
#   INSPIRA_TEST_ONLY    regex: run the per-page checks only on matching URL paths
#   INSPIRA_TEST_SKIP_BUILD=1  test the existing target/browser-site as it is
#
# See tests/browser/README.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${INSPIRA_TEST_PORT:-4517}"
PREFIX="${INSPIRA_TEST_PREFIX:-/inspira-test/}"
case "$PREFIX" in /*) ;; *) PREFIX="/$PREFIX" ;; esac
case "$PREFIX" in */) ;; *) PREFIX="$PREFIX/" ;; esac
SITE_DIR="target/browser-site"
export INSPIRA_TEST_PORT="$PORT" INSPIRA_TEST_PREFIX="$PREFIX"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

# 1. Chromium (Debian's; playwright-core never downloads a browser here) and Java for vnu.
if [ ! -x /usr/bin/chromium ]; then
  echo "==> installing chromium"
  apt_install chromium
fi
if ! command -v java >/dev/null 2>&1; then
  echo "==> installing a Java runtime for the Nu Html Checker"
  apt_install default-jre-headless
fi
if ! command -v node >/dev/null 2>&1; then
  echo "error: node (20 or newer) is required" >&2
  exit 1
fi

# 2. npm packages, pinned by tests/browser/package-lock.json, from the npm registry only.
if grep -qP '"resolved":\s*"(?!https://registry\.npmjs\.org/)' tests/browser/package-lock.json; then
  echo "error: tests/browser/package-lock.json has a tarball URL outside registry.npmjs.org" >&2
  exit 1
fi
#    npm records what it installed in node_modules/.package-lock.json; reinstall
#    when that is missing or older than the lockfile.
if [ ! -f tests/browser/node_modules/.package-lock.json ] \
  || [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ] \
  || [ tests/browser/package.json -nt tests/browser/node_modules/.package-lock.json ]; then
  echo "==> npm ci in tests/browser"
  (cd tests/browser && npm ci --no-audit --no-fund --ignore-scripts)
fi

# 3. Build the site for the sub-path it will be served under.
if [ "${INSPIRA_TEST_SKIP_BUILD:-0}" != 1 ]; then
  echo "==> building the site into $SITE_DIR for http://127.0.0.1:$PORT$PREFIX"
  rm -rf "$SITE_DIR"
  if ! cargo run --release --quiet -- build --output "$SITE_DIR" --base-url "http://127.0.0.1:$PORT$PREFIX"; then
    echo "FAIL building the site"
    echo "0 passed, 1 failed"
    exit 1
  fi
  # The same content as a long list: three cases a page, filtered through the search page above
  # three cases (tests/browser/long-list.mjs), served on the next port.
  long_src="target/browser-site-long-src"
  rm -rf "$long_src" "$SITE_DIR-long"
  mkdir -p "$long_src"
  cp -r content "$long_src/"
  printf '%s\n\n[compare]\ncases_per_page = 3\nlist_all_up_to = 3\n' "$(cat inspira.toml)" >"$long_src/inspira.toml"
  if ! cargo run --release --quiet -- --root "$long_src" build --output "$PWD/$SITE_DIR-long" --base-url "http://127.0.0.1:$((PORT + 1))$PREFIX"; then
    echo "FAIL building the long-list site"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

# 4. The suite.
echo "==> running the browser tests"
exec node tests/browser/run.mjs "$SITE_DIR"
