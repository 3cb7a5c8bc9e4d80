#!/usr/bin/env bash
# Tests every branch of ensure-chromium.sh without touching the machine, with the harness of
# tools/debian/ensure-packages-harness.sh: the script runs with a PATH of fakes only (apt-get, sudo and id that record
# their calls; apt-get "installs" by writing fake binaries at $CHROMIUM and $CHROMEDRIVER) and with
# CHROMIUM/CHROMEDRIVER in a temporary directory. mvn test runs it (skipped by -DskipTests).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
script="$here/ensure-chromium.sh"
packages="chromium chromium-driver"
# shellcheck source=tools/debian/ensure-packages-harness.sh
. "$here/../debian/ensure-packages-harness.sh"

fake_browser='echo "$FAKE_NAME 999.0.1 (fake)"'
program CHROMIUM usr/bin/chromium "FAKE_NAME=Chromium; $fake_browser"
program CHROMEDRIVER usr/bin/chromedriver "FAKE_NAME=ChromeDriver; $fake_browser"

run "present: nothing installed, nothing asked of sudo" all 1000 passwordless ok "false false false"
expect 0 "" "(Chromium 999.0.1 (fake)), "
run "present as root: no apt-get either" all 0 passwordless ok ""
expect 0 "" "ChromeDriver 999.0.1"
run "-DskipITs: missing but not checked" none 1000 passwordless ok "false true false"
expect 0 "" "integration tests skipped"
run "-DskipTests: missing but not checked" none 0 passwordless ok "true false false"
expect 0 "" "integration tests skipped"
run "missing, root: apt-get update and install, no sudo" none 0 passwordless ok "false false false"
expect 0 "$update
$install" "(Chromium 999.0.1 (fake)), "
run "only chromedriver missing, root: installs" CHROMIUM 0 none ok "false false false"
expect 0 "$update
$install" "missing: $work/case$count/usr/bin/chromedriver"
run "missing, passwordless sudo: the same with sudo -n" none 1000 passwordless ok "false false false"
expect 0 "sudo -n true
$sudo_update
$update
$sudo_install
$install" "(sudo -n)"
run "missing, sudo asks for a password: fails, says what to run" none 1000 password ok "false false false"
expect 1 "sudo -n true" "$tell"
run "missing, no sudo, not root: fails, says what to run" none 1000 none ok "false false false"
expect 1 "" "$tell"
run "missing, no apt-get: fails, says what to set" none 0 passwordless none "false false false"
expect 1 "" "CHROMIUM=/path/to/chromium CHROMEDRIVER=/path/to/chromedriver mvn verify"
run "missing, root, apt-get fails: fails, says what to run" none 0 none fail "false false false"
expect 1 "$update" "apt-get update && apt-get install -y chromium chromium-driver"
run "missing, sudo, apt-get fails: fails, says what to run with sudo" none 1000 passwordless fail "false false false"
expect 1 "sudo -n true
$sudo_update
$update" "$tell"
run "installed, but CHROMIUM points elsewhere: fails" none 0 none elsewhere "false false false"
expect 1 "$update
$install" "CHROMIUM or CHROMEDRIVER points elsewhere; still missing: $work/case$count/usr/bin/chromium"

finish
