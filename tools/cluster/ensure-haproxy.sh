#!/usr/bin/env bash
# The cluster test (faults/ClusterIT) puts Debian's HAProxy in front of its app nodes, at $HAPROXY (default
# /usr/sbin/haproxy). mvn verify runs this before the integration tests; tools/debian/ensure-packages.sh does the
# work, as for tools/browser/ensure-chromium.sh:
#   present                    -> nothing to do
#   missing, root              -> apt-get update, apt-get install -y haproxy (noninteractive)
#   missing, passwordless sudo -> the same with sudo -n
#   otherwise                  -> fails, saying what to run
# Only the binary is used: the test runs it in the foreground on its own configuration; Debian's service is not needed
# (on a machine with systemd the package starts one on port 80 with an empty configuration; stop it if it is in the way).
# Arguments: the values of skipTests, skipITs and maven.test.skip; any "true" means no integration tests: nothing to do.
# ensure-haproxy-test.sh tests every branch with a fake apt-get, sudo and id (nothing on the machine is touched).
set -uo pipefail
here="${BASH_SOURCE[0]%/*}" && [ "$here" != "${BASH_SOURCE[0]}" ] || here=.
# shellcheck source=tools/debian/ensure-packages.sh
. "$here/../debian/ensure-packages.sh"

haproxy="${HAPROXY:-/usr/sbin/haproxy}"

label=haproxy
short=HAProxy
software=HAProxy
needed_by="the cluster test needs"
packages=haproxy
files=("$haproxy")
pronoun=it
env_example="HAPROXY=/path/to/haproxy mvn verify"
elsewhere="HAPROXY points elsewhere"
unset_hint="Unset it (Debian's is /usr/sbin/haproxy), or point it at the real file."
set_hint=("  (or set HAPROXY to an HAProxy installed elsewhere, or leave the integration tests out: mvn verify -DskipITs)")

versions() {
  local v
  # the first line without a pipe: head closing it early made haproxy die of SIGPIPE now and then (pipefail)
  v="$("$haproxy" -v 2>/dev/null)" || v="version unknown"
  v="${v%%$'\n'*}"
  echo "$haproxy (${v:-version unknown})"
}

ensure_packages "$@"
