#!/usr/bin/env bash
# Tests every branch of ensure-chromium.sh without touching the machine: the script runs with a PATH of fakes only
# (apt-get, sudo and id that record their calls; apt-get "installs" by writing fake binaries at $CHROMIUM and
# $CHROMEDRIVER) and with CHROMIUM/CHROMEDRIVER in a temporary directory. mvn test runs it (skipped by -DskipTests).
set -uo pipefail
script="$(cd "$(dirname "$0")" && pwd)/ensure-chromium.sh"
bash="$(command -v bash)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0 count=0

fake() { # name body: a fake command in $work/fakes (bash builtins only)
  mkdir -p "$work/fakes"
  printf '#!%s\n%s\n' "$bash" "$2" > "$work/fakes/$1"
  chmod +x "$work/fakes/$1"
}
fake_browser='echo "$FAKE_NAME 999.0.1 (fake)"'
fake id '[ "$1" = -u ] && echo "$FAKE_UID"'
fake sudo 'echo "sudo $*" >> "$FAKE_LOG"
[ "$1" = -n ] && shift
if [ "$FAKE_SUDO" = password ]; then echo "sudo: a password is required" >&2; exit 1; fi
FAKE_UID=0 exec "$@"'
fake apt-get 'echo "apt-get $* DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-} uid=$FAKE_UID" >> "$FAKE_LOG"
[ "$FAKE_UID" = 0 ] || { echo "E: permission denied (fake)" >&2; exit 100; }
[ "$FAKE_APT" = fail ] && { echo "E: Unable to locate package chromium (fake)" >&2; exit 100; }
if [ "$1 $2" = "-qq install" ] && [ "$FAKE_APT" = ok ]; then
  printf "#!%s\nFAKE_NAME=Chromium; %s\n" "$BASH" "$FAKE_BROWSER" > "$CHROMIUM"
  printf "#!%s\nFAKE_NAME=ChromeDriver; %s\n" "$BASH" "$FAKE_BROWSER" > "$CHROMEDRIVER"
  "$FAKE_CHMOD" +x "$CHROMIUM" "$CHROMEDRIVER"
fi
exit 0'

# case name; then variables: have (chromium, chromedriver, both, none), uid, sudo (passwordless, password, none),
# apt (ok, fail, elsewhere = installs but not at the given paths, none), args; then expectations
run() {
  local name="$1" have="$2" uid="$3" sudo="$4" apt="$5" args="$6"
  local dir="$work/case$((count + 1))" bin
  count=$((count + 1))
  mkdir -p "$dir/usr/bin" && bin="$dir/bin" && mkdir -p "$bin"
  ln -s "$(type -P env)" "$bin/env"
  ln -s "$(type -P true)" "$bin/true"
  ln -s "$work/fakes/id" "$bin/id"
  [ "$sudo" = none ] || ln -s "$work/fakes/sudo" "$bin/sudo"
  [ "$apt" = none ] || ln -s "$work/fakes/apt-get" "$bin/apt-get"
  case "$have" in both|chromium) printf '#!%s\nFAKE_NAME=Chromium; %s\n' "$bash" "$fake_browser" > "$dir/usr/bin/chromium";; esac
  case "$have" in both|chromedriver) printf '#!%s\nFAKE_NAME=ChromeDriver; %s\n' "$bash" "$fake_browser" > "$dir/usr/bin/chromedriver";; esac
  chmod +x "$dir"/usr/bin/* 2>/dev/null
  : > "$dir/calls"
  # shellcheck disable=SC2086
  env -i PATH="$bin" HOME="$dir" CHROMIUM="$dir/usr/bin/chromium" CHROMEDRIVER="$dir/usr/bin/chromedriver" \
    FAKE_LOG="$dir/calls" FAKE_UID="$uid" FAKE_SUDO="$sudo" FAKE_APT="$apt" FAKE_BROWSER="$fake_browser" \
    FAKE_CHMOD="$(type -P chmod)" "$bash" "$script" $args > "$dir/out" 2>&1
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
install="apt-get -qq install -y chromium chromium-driver DEBIAN_FRONTEND=noninteractive uid=0"
sudo_update="sudo -n env DEBIAN_FRONTEND=noninteractive apt-get -qq update"
sudo_install="sudo -n env DEBIAN_FRONTEND=noninteractive apt-get -qq install -y chromium chromium-driver"
tell="sudo apt-get update && sudo apt-get install -y chromium chromium-driver"

run "present: nothing installed, nothing asked of sudo" both 1000 passwordless ok "false false false"
expect 0 "" "(Chromium 999.0.1 (fake)), "
run "present as root: no apt-get either" both 0 passwordless ok ""
expect 0 "" "ChromeDriver 999.0.1"
run "-DskipITs: missing but not checked" none 1000 passwordless ok "false true false"
expect 0 "" "integration tests skipped"
run "-DskipTests: missing but not checked" none 0 passwordless ok "true false false"
expect 0 "" "integration tests skipped"
run "missing, root: apt-get update and install, no sudo" none 0 passwordless ok "false false false"
expect 0 "$update
$install" "(Chromium 999.0.1 (fake)), "
run "only chromedriver missing, root: installs" chromium 0 none ok "false false false"
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

echo "ensure-chromium: $((count - failures)) of $count cases pass"
[ "$failures" = 0 ]
