# shellcheck shell=bash
# Installs Debian packages a test needs when its files are missing; sourced by tools/browser/ensure-chromium.sh and
# tools/cluster/ensure-haproxy.sh, which run before the integration tests (mvn verify):
#   files present              -> nothing to do
#   missing, root              -> apt-get update, apt-get install -y $packages (noninteractive)
#   missing, passwordless sudo -> the same with sudo -n
#   otherwise                  -> fails, saying what to run
# Arguments of ensure_packages: the values of skipTests, skipITs and maven.test.skip; any "true" means no
# integration tests: nothing to do. Only bash builtins besides apt-get, sudo, id and env (the tests run the scripts
# with a PATH of fakes only).
#
# The sourcing script sets, then calls ensure_packages "$@":
#   label        the prefix of every message ("haproxy")
#   short        what is not checked when the tests are skipped ("HAProxy")
#   software     what is needed and to install by hand ("HAProxy")
#   needed_by    who needs it ("the cluster test needs")
#   packages     the Debian packages, separated by spaces
#   files        an array: the files that must be present and executable
#   pronoun      "it" or "them", for the files
#   env_example  the command to run with the files installed elsewhere ("HAPROXY=/path/to/haproxy mvn verify")
#   elsewhere    how the files were set elsewhere ("HAPROXY points elsewhere")
#   unset_hint   what to do then ("Unset it (Debian's is /usr/sbin/haproxy), or point it at the real file.")
#   set_hint     an array: the lines that close every failure (the variables to set, -DskipITs)
# and defines versions, which prints the files with their versions ("/usr/sbin/haproxy (HAProxy version 2.6)").

missing() { # the files missing, separated by spaces
  local f out=""
  for f in "${files[@]}"; do { [ -f "$f" ] && [ -x "$f" ]; } || out="$out${out:+ }$f"; done
  printf '%s' "$out"
}

present() {
  echo "$label: $(versions)"
  exit 0
}

fail() { # the message, then lines to show indented
  local line
  echo "$label: $1" >&2
  shift
  for line in "$@"; do echo "    $line" >&2; done
  for line in "${set_hint[@]}"; do echo "$line" >&2; done
  exit 1
}

ensure_packages() {
  local skip as_root sudo
  exec 2>&1 # one stream: Maven logs the process's stdout and stderr apart, which would reorder the messages

  for skip in "$@"; do
    if [ "$skip" = true ]; then
      echo "$label: integration tests skipped, $short not checked"
      exit 0
    fi
  done

  [ -n "$(missing)" ] || present
  echo "$label: $needed_by $software; missing: $(missing)"

  command -v apt-get >/dev/null 2>&1 \
    || fail "this machine has no apt-get (not Debian or Ubuntu). Install $software, then run:" "$env_example"

  if [ "$(id -u)" = 0 ]; then
    as_root="" sudo=""
    echo "$label: installing Debian's $packages (as root)"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    as_root="sudo -n" sudo="sudo "
    echo "$label: installing Debian's $packages (sudo -n)"
  else
    fail "installing $pronoun needs root, and sudo is missing or asks for a password. Run:" \
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
  fail "installed $packages, but $elsewhere; still missing: $(missing)" "$unset_hint"
}
