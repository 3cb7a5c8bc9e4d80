# shellcheck shell=bash
# The test harness of the scripts built on ensure-packages.sh (tools/browser/ensure-chromium-test.sh,
# tools/cluster/ensure-haproxy-test.sh): each case runs the script with a PATH of fakes only (apt-get, sudo and id that
# record their calls; apt-get "installs" by writing the fake programs at the paths the script is given) and with those
# paths in a temporary directory. Nothing on the machine is touched.
#
# The sourcing test sets script (the script under test) and packages (what it installs), optionally commands (the real
# commands the script may use besides the fakes; "env true" unless set), then declares the programs the script checks
# with program, runs the cases with run and expect, and ends with finish.
# shellcheck disable=SC2034 # update, install, sudo_update, sudo_install and tell are for the sourcing test
bash="$(command -v bash)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0 count=0
programs=() # the variables naming the programs, in order
declare -A program_path program_body
: "${commands:=env true}"

fake() { # name body: a fake command in $work/fakes (bash builtins only)
  mkdir -p "$work/fakes"
  printf '#!%s\n%s\n' "$bash" "$2" > "$work/fakes/$1"
  chmod +x "$work/fakes/$1"
}
fake id '[ "$1" = -u ] && echo "$FAKE_UID"'
fake sudo 'echo "sudo $*" >> "$FAKE_LOG"
[ "$1" = -n ] && shift
if [ "$FAKE_SUDO" = password ]; then echo "sudo: a password is required" >&2; exit 1; fi
FAKE_UID=0 exec "$@"'
fake apt-get 'echo "apt-get $* DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-} uid=$FAKE_UID" >> "$FAKE_LOG"
[ "$FAKE_UID" = 0 ] || { echo "E: permission denied (fake)" >&2; exit 100; }
[ "$FAKE_APT" = fail ] && { echo "E: Unable to locate package ${FAKE_PACKAGES%% *} (fake)" >&2; exit 100; }
if [ "$1 $2" = "-qq install" ] && [ "$FAKE_APT" = ok ]; then
  for name in $FAKE_PROGRAMS; do
    body="FAKE_BODY_$name"
    printf "#!%s\n%s\n" "$BASH" "${!body}" > "${!name}"
    "$FAKE_CHMOD" +x "${!name}"
  done
fi
exit 0'

program() { # variable path body: a program the script checks, at $variable (in each case, at path under the case's
  # directory), and the bash code of its fake
  programs+=("$1")
  program_path[$1]="$2"
  program_body[$1]="$3"
}

# case name; then variables: have (all, none, or the variables of the programs present), uid, sudo (passwordless,
# password, none), apt (ok, fail, elsewhere = installs but not at the given paths, none), args; then expectations
run() {
  local name="$1" have="$2" uid="$3" sudo="$4" apt="$5" args="$6"
  local dir="$work/case$((count + 1))" bin c p vars=()
  count=$((count + 1))
  bin="$dir/bin" && mkdir -p "$bin"
  for c in $commands; do ln -s "$(type -P "$c")" "$bin/$c"; done
  ln -s "$work/fakes/id" "$bin/id"
  [ "$sudo" = none ] || ln -s "$work/fakes/sudo" "$bin/sudo"
  [ "$apt" = none ] || ln -s "$work/fakes/apt-get" "$bin/apt-get"
  [ "$have" = all ] && have="${programs[*]}"
  for p in "${programs[@]}"; do
    mkdir -p "$(dirname "$dir/${program_path[$p]}")"
    case " $have " in
      *" $p "*) printf '#!%s\n%s\n' "$bash" "${program_body[$p]}" > "$dir/${program_path[$p]}"
        chmod +x "$dir/${program_path[$p]}";;
    esac
    vars+=("$p=$dir/${program_path[$p]}" "FAKE_BODY_$p=${program_body[$p]}")
  done
  : > "$dir/calls"
  # shellcheck disable=SC2086
  env -i PATH="$bin" HOME="$dir" "${vars[@]}" FAKE_PROGRAMS="${programs[*]}" FAKE_PACKAGES="$packages" \
    FAKE_LOG="$dir/calls" FAKE_UID="$uid" FAKE_SUDO="$sudo" FAKE_APT="$apt" FAKE_CHMOD="$(type -P chmod)" \
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

finish() { # the summary; fails when a case failed
  local name="${script##*/}"
  echo "${name%.sh}: $((count - failures)) of $count cases pass"
  [ "$failures" = 0 ]
}

# the calls and the advice the cases expect
update="apt-get -qq update DEBIAN_FRONTEND=noninteractive uid=0"
install="apt-get -qq install -y $packages DEBIAN_FRONTEND=noninteractive uid=0"
sudo_update="sudo -n env DEBIAN_FRONTEND=noninteractive apt-get -qq update"
sudo_install="sudo -n env DEBIAN_FRONTEND=noninteractive apt-get -qq install -y $packages"
tell="sudo apt-get update && sudo apt-get install -y $packages"
