#!/usr/bin/env bash
# Tests every branch of ensure-haproxy.sh without touching the machine: the script runs with a PATH of fakes only
# (apt-get, sudo and id that record their calls; apt-get "installs" by writing a fake binary at $HAPROXY) and with
# HAPROXY in a temporary directory. mvn test runs it (skipped by -DskipTests). As tools/browser/ensure-chromium-test.sh.
set -uo pipefail
script="$(cd "$(dirname "$0")" && pwd)/ensure-haproxy.sh"
bash="$(command -v bash)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0 count=0

fake() { # name body: a fake command in $work/fakes (bash builtins only)
  mkdir -p "$work/fakes"
  printf '#!%s\n%s\n' "$bash" "$2" > "$work/fakes/$1"
  chmod +x "$work/fakes/$1"
}
fake_haproxy='echo "HAProxy version 9.9.9 (fake)"'
fake id '[ "$1" = -u ] && echo "$FAKE_UID"'
fake sudo 'echo "sudo $*" >> "$FAKE_LOG"
[ "$1" = -n ] && shift
if [ "$FAKE_SUDO" = password ]; then echo "sudo: a password is required" >&2; exit 1; fi
FAKE_UID=0 exec "$@"'
fake apt-get 'echo "apt-get $* DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-} uid=$FAKE_UID" >> "$FAKE_LOG"
[ "$FAKE_UID" = 0 ] || { echo "E: permission denied (fake)" >&2; exit 100; }
[ "$FAKE_APT" = fail ] && { echo "E: Unable to locate package haproxy (fake)" >&2; exit 100; }
if [ "$1 $2" = "-qq install" ] && [ "$FAKE_APT" = ok ]; then
  printf "#!%s\n%s\n" "$BASH" "$FAKE_HAPROXY" > "$HAPROXY"
  "$FAKE_CHMOD" +x "$HAPROXY"
fi
exit 0'

# case name; then: have (yes, no), uid, sudo (passwordless, password, none), apt (ok, fail, elsewhere = installs but
# not at the given path, none), args
run() {
  local name="$1" have="$2" uid="$3" sudo="$4" apt="$5" args="$6"
  local dir="$work/case$((count + 1))" bin
  count=$((count + 1))
  mkdir -p "$dir/usr/sbin" && bin="$dir/bin" && mkdir -p "$bin"
  ln -s "$(type -P env)" "$bin/env"
  ln -s "$(type -P true)" "$bin/true"
  ln -s "$(type -P head)" "$bin/head"
  ln -s "$work/fakes/id" "$bin/id"
  [ "$sudo" = none ] || ln -s "$work/fakes/sudo" "$bin/sudo"
  [ "$apt" = none ] || ln -s "$work/fakes/apt-get" "$bin/apt-get"
  if [ "$have" = yes ]; then
    printf '#!%s\n%s\n' "$bash" "$fake_haproxy" > "$dir/usr/sbin/haproxy" && chmod +x "$dir/usr/sbin/haproxy"
  fi
  : > "$dir/calls"
  # shellcheck disable=SC2086
  env -i PATH="$bin" HOME="$dir" HAPROXY="$dir/usr/sbin/haproxy" FAKE_LOG="$dir/calls" FAKE_UID="$uid" \
    FAKE_SUDO="$sudo" FAKE_APT="$apt" FAKE_HAPROXY="$fake_haproxy" FAKE_CHMOD="$(type -P chmod)" \
    "$bash" "$script" $args > "$dir/out" 2>&1
  echo $? > "$dir/status"
  CASE="$dir" NAME="$name"
}

expect() { # exit status, the calls the fakes recorded (one per line), a text the output contains
  local status calls
  status="$(cat "$CASE/status")" calls="$(cat "$CASE/calls")"
  if [ "$status" = "$1" ] && [ "$calls" = "$2" ] && grep -qF -- "$3" "$CASE/out"; then
    echo "ok $count - $NAME"
  else
    failures=$((failures + 1))
    echo "not ok $count - $NAME"
    echo "  exit $status, expected $1"
    echo "  calls:"; sed 's/^/    /' "$CASE/calls"; echo "  expected calls:"; echo "$2" | sed 's/^/    /'
    echo "  output (expected to contain: $3):"; sed 's/^/    /' "$CASE/out"
  fi
}

update="apt-get -qq update DEBIAN_FRONTEND=noninteractive uid=0"
install="apt-get -qq install -y haproxy DEBIAN_FRONTEND=noninteractive uid=0"
sudo_update="sudo -n env DEBIAN_FRONTEND=noninteractive apt-get -qq update"
sudo_install="sudo -n env DEBIAN_FRONTEND=noninteractive apt-get -qq install -y haproxy"
tell="sudo apt-get update && sudo apt-get install -y haproxy"

run "present: nothing installed, nothing asked of sudo" yes 1000 passwordless ok "false false false"
expect 0 "" "(HAProxy version 9.9.9 (fake))"
run "present as root: no apt-get either" yes 0 passwordless ok ""
expect 0 "" "HAProxy version 9.9.9"
run "-DskipITs: missing but not checked" no 1000 passwordless ok "false true false"
expect 0 "" "integration tests skipped"
run "-Dmaven.test.skip: missing but not checked" no 0 passwordless ok "false false true"
expect 0 "" "integration tests skipped"
run "missing, root: apt-get update and install, no sudo" no 0 passwordless ok "false false false"
expect 0 "$update
$install" "(HAProxy version 9.9.9 (fake))"
run "missing, passwordless sudo: the same with sudo -n" no 1000 passwordless ok "false false false"
expect 0 "sudo -n true
$sudo_update
$update
$sudo_install
$install" "(sudo -n)"
run "missing, sudo asks for a password: fails, says what to run" no 1000 password ok "false false false"
expect 1 "sudo -n true" "$tell"
run "missing, no sudo, not root: fails, says what to run" no 1000 none ok "false false false"
expect 1 "" "$tell"
run "missing, no apt-get: fails, says what to set" no 0 passwordless none "false false false"
expect 1 "" "HAPROXY=/path/to/haproxy mvn verify"
run "missing, root, apt-get fails: fails, says what to run" no 0 none fail "false false false"
expect 1 "$update" "apt-get update && apt-get install -y haproxy"
run "installed, but HAPROXY points elsewhere: fails" no 0 none elsewhere "false false false"
expect 1 "$update
$install" "HAPROXY points elsewhere; still missing: $work/case$count/usr/sbin/haproxy"

echo "ensure-haproxy: $((count - failures)) of $count cases pass"
[ "$failures" = 0 ]
