#!/usr/bin/env bash
# Tests every branch of ensure-haproxy.sh without touching the machine, with the harness of
# tools/debian/ensure-packages-harness.sh: the script runs with a PATH of fakes only (apt-get, sudo and id that record
# their calls; apt-get "installs" by writing a fake binary at $HAPROXY) and with HAPROXY in a temporary directory.
# mvn test runs it (skipped by -DskipTests). As tools/browser/ensure-chromium-test.sh.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
script="$here/ensure-haproxy.sh"
packages=haproxy
commands="env true head"
# shellcheck source=tools/debian/ensure-packages-harness.sh
. "$here/../debian/ensure-packages-harness.sh"

program HAPROXY usr/sbin/haproxy 'echo "HAProxy version 9.9.9 (fake)"'

run "present: nothing installed, nothing asked of sudo" all 1000 passwordless ok "false false false"
expect 0 "" "(HAProxy version 9.9.9 (fake))"
run "present as root: no apt-get either" all 0 passwordless ok ""
expect 0 "" "HAProxy version 9.9.9"
run "-DskipITs: missing but not checked" none 1000 passwordless ok "false true false"
expect 0 "" "integration tests skipped"
run "-Dmaven.test.skip: missing but not checked" none 0 passwordless ok "false false true"
expect 0 "" "integration tests skipped"
run "missing, root: apt-get update and install, no sudo" none 0 passwordless ok "false false false"
expect 0 "$update
$install" "(HAProxy version 9.9.9 (fake))"
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
expect 1 "" "HAPROXY=/path/to/haproxy mvn verify"
run "missing, root, apt-get fails: fails, says what to run" none 0 none fail "false false false"
expect 1 "$update" "apt-get update && apt-get install -y haproxy"
run "installed, but HAPROXY points elsewhere: fails" none 0 none elsewhere "false false false"
expect 1 "$update
$install" "HAPROXY points elsewhere; still missing: $work/case$count/usr/sbin/haproxy"

finish
