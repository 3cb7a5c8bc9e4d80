#!/usr/bin/env bash
# The browser tests (*BrowserIT) drive Debian's Chromium with its chromedriver, at $CHROMIUM and $CHROMEDRIVER
# (default /usr/bin/chromium and /usr/bin/chromedriver, as in src/test/java/org/mmpcase/support/Browser.java).
# mvn verify runs this before the integration tests:
#   both present               -> nothing to do
#   missing, root              -> apt-get update, apt-get install -y chromium chromium-driver (noninteractive)
#   missing, passwordless sudo -> the same with sudo -n
#   otherwise                  -> fails, saying what to run
# Arguments: the values of skipTests, skipITs and maven.test.skip; any "true" means no integration tests: nothing to do.
# ensure-chromium-test.sh tests every branch with a fake apt-get, sudo and id (nothing on the machine is touched).
set -uo pipefail
exec 2>&1 # one stream: Maven logs the process's stdout and stderr apart, which would reorder the messages

for skip in "$@"; do
  if [ "$skip" = true ]; then
    echo "browser: integration tests skipped, Chromium not checked"
    exit 0
  fi
done

chromium="${CHROMIUM:-/usr/bin/chromium}"
chromedriver="${CHROMEDRIVER:-/usr/bin/chromedriver}"
packages="chromium chromium-driver"

missing() {
  local f
  for f in "$chromium" "$chromedriver"; do { [ -f "$f" ] && [ -x "$f" ]; } || printf '%s ' "$f"; done
}

present() {
  local c d
  c="$("$chromium" --version 2>/dev/null)" || c="version unknown"
  d="$("$chromedriver" --version 2>/dev/null)" || d="version unknown"
  echo "browser: $chromium ($c), $chromedriver (${d%% (*})"
  exit 0
}

fail() {
  echo "browser: $1" >&2
  shift
  for line in "$@"; do echo "    $line" >&2; done
  echo "  (or set CHROMIUM and CHROMEDRIVER to a Chromium and its chromedriver installed elsewhere," >&2
  echo "  or leave the integration tests out: mvn verify -DskipITs)" >&2
  exit 1
}

[ -n "$(missing)" ] || present
echo "browser: the browser tests need Chromium and its chromedriver; missing: $(missing)"

command -v apt-get >/dev/null 2>&1 \
  || fail "this machine has no apt-get (not Debian or Ubuntu). Install Chromium and its chromedriver, then run:" \
    "CHROMIUM=/path/to/chromium CHROMEDRIVER=/path/to/chromedriver mvn verify"

if [ "$(id -u)" = 0 ]; then
  as_root="" sudo=""
  echo "browser: installing Debian's $packages (as root)"
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  as_root="sudo -n" sudo="sudo "
  echo "browser: installing Debian's $packages (sudo -n)"
else
  fail "installing them needs root, and sudo is missing or asks for a password. Run:" \
    "sudo apt-get update && sudo apt-get install -y $packages" \
    "then mvn verify again"
fi

# $as_root and $packages are split into words on purpose
# shellcheck disable=SC2086
$as_root env DEBIAN_FRONTEND=noninteractive apt-get -qq update \
  && $as_root env DEBIAN_FRONTEND=noninteractive apt-get -qq install -y $packages \
  || fail "apt-get failed (see above). Run:" \
    "${sudo}apt-get update && ${sudo}apt-get install -y $packages" \
    "then mvn verify again"

[ -n "$(missing)" ] || present
fail "installed $packages, but CHROMIUM or CHROMEDRIVER points elsewhere; still missing: $(missing)" \
  "Unset them (Debian's are /usr/bin/chromium and /usr/bin/chromedriver), or point them at the real files."
