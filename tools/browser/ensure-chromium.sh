#!/usr/bin/env bash
# The browser tests (*BrowserIT) drive Debian's Chromium with its chromedriver, at $CHROMIUM and $CHROMEDRIVER
# (default /usr/bin/chromium and /usr/bin/chromedriver, as in src/test/java/org/mmpcase/support/Browser.java).
# mvn verify runs this before the integration tests; tools/debian/ensure-packages.sh does the work:
#   both present               -> nothing to do
#   missing, root              -> apt-get update, apt-get install -y chromium chromium-driver (noninteractive)
#   missing, passwordless sudo -> the same with sudo -n
#   otherwise                  -> fails, saying what to run
# Arguments: the values of skipTests, skipITs and maven.test.skip; any "true" means no integration tests: nothing to do.
# ensure-chromium-test.sh tests every branch with a fake apt-get, sudo and id (nothing on the machine is touched).
set -uo pipefail
here="${BASH_SOURCE[0]%/*}" && [ "$here" != "${BASH_SOURCE[0]}" ] || here=.
# shellcheck source=tools/debian/ensure-packages.sh
. "$here/../debian/ensure-packages.sh"

chromium="${CHROMIUM:-/usr/bin/chromium}"
chromedriver="${CHROMEDRIVER:-/usr/bin/chromedriver}"

label=browser
short=Chromium
software="Chromium and its chromedriver"
needed_by="the browser tests need"
packages="chromium chromium-driver"
files=("$chromium" "$chromedriver")
pronoun=them
env_example="CHROMIUM=/path/to/chromium CHROMEDRIVER=/path/to/chromedriver mvn verify"
elsewhere="CHROMIUM or CHROMEDRIVER points elsewhere"
unset_hint="Unset them (Debian's are /usr/bin/chromium and /usr/bin/chromedriver), or point them at the real files."
set_hint=("  (or set CHROMIUM and CHROMEDRIVER to a Chromium and its chromedriver installed elsewhere,"
  "  or leave the integration tests out: mvn verify -DskipITs)")

versions() {
  local c d
  c="$("$chromium" --version 2>/dev/null)" || c="version unknown"
  d="$("$chromedriver" --version 2>/dev/null)" || d="version unknown"
  echo "$chromium ($c), $chromedriver (${d%% (*})"
}

ensure_packages "$@"
