#!/usr/bin/env bash
# The cluster test (faults/ClusterIT) puts Debian's HAProxy in front of its app nodes, at $HAPROXY (default
# /usr/sbin/haproxy). mvn verify runs this before the integration tests, as tools/browser/ensure-chromium.sh:
#   present                    -> nothing to do
#   missing, root              -> apt-get update, apt-get install -y haproxy (noninteractive)
#   missing, passwordless sudo -> the same with sudo -n
#   otherwise                  -> fails, saying what to run
# Only the binary is used: the test runs it in the foreground on its own configuration; Debian's service is not needed
# (on a machine with systemd the package starts one on port 80 with an empty configuration; stop it if it is in the way).
# Arguments: the values of skipTests, skipITs and maven.test.skip; any "true" means no integration tests: nothing to do.
# ensure-haproxy-test.sh tests every branch with a fake apt-get, sudo and id (nothing on the machine is touched).
set -uo pipefail
exec 2>&1 # one stream: Maven logs the process's stdout and stderr apart, which would reorder the messages

for skip in "$@"; do
  if [ "$skip" = true ]; then
    echo "haproxy: integration tests skipped, HAProxy not checked"
    exit 0
  fi
done

haproxy="${HAPROXY:-/usr/sbin/haproxy}"
packages="haproxy"

missing() { { [ -f "$haproxy" ] && [ -x "$haproxy" ]; } || printf '%s' "$haproxy"; }

present() {
  local v
  v="$("$haproxy" -v 2>/dev/null | head -n 1)" || v="version unknown"
  echo "haproxy: $haproxy (${v:-version unknown})"
  exit 0
}

fail() {
  echo "haproxy: $1" >&2
  shift
  for line in "$@"; do echo "    $line" >&2; done
  echo "  (or set HAPROXY to an HAProxy installed elsewhere, or leave the integration tests out: mvn verify -DskipITs)" >&2
  exit 1
}

[ -n "$(missing)" ] || present
echo "haproxy: the cluster test needs HAProxy; missing: $(missing)"

command -v apt-get >/dev/null 2>&1 \
  || fail "this machine has no apt-get (not Debian or Ubuntu). Install HAProxy, then run:" \
    "HAPROXY=/path/to/haproxy mvn verify"

if [ "$(id -u)" = 0 ]; then
  as_root="" sudo=""
  echo "haproxy: installing Debian's $packages (as root)"
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  as_root="sudo -n" sudo="sudo "
  echo "haproxy: installing Debian's $packages (sudo -n)"
else
  fail "installing it needs root, and sudo is missing or asks for a password. Run:" \
    "sudo apt-get update && sudo apt-get install -y $packages" \
    "then mvn verify again"
fi

# $as_root is split into words on purpose
# shellcheck disable=SC2086
$as_root env DEBIAN_FRONTEND=noninteractive apt-get -qq update \
  && $as_root env DEBIAN_FRONTEND=noninteractive apt-get -qq install -y $packages \
  || fail "apt-get failed (see above). Run:" \
    "${sudo}apt-get update && ${sudo}apt-get install -y $packages" \
    "then mvn verify again"

[ -n "$(missing)" ] || present
fail "installed $packages, but HAPROXY points elsewhere; still missing: $(missing)" \
  "Unset it (Debian's is /usr/sbin/haproxy), or point it at the real file."
