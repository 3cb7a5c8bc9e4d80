#!/usr/bin/env bash
# Fails when IBM telemetry (@ibm/telemetry-js, run by the postinstall of @carbon/grid and @carbon/layout, which form-js
# pulls in) is running from the given node_modules: it sends usage data to IBM in a detached process that outlives
# npm ci. IBM_TELEMETRY_DISABLED=true in npm's environment stops it from starting; the build sets it and runs this
# right after npm ci. Argument: the directory holding node_modules (default: src/main/portal).
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${1:-$root/src/main/portal}"
dir="$(cd "$dir" && pwd -P)" || exit 1
needle="$dir/node_modules/@ibm/telemetry-js/"

# every process's command line: /proc on Linux (slim images have no ps), ps elsewhere
processes() {
  local p args
  if [ -d /proc/self ]; then
    for p in /proc/[0-9]*; do
      mapfile -d '' args < "$p/cmdline" 2>/dev/null && [ "${#args[@]}" -gt 0 ] && echo "${p#/proc/} ${args[*]}"
    done
  else
    ps -A -o pid= -o args=
  fi
}

all="$(processes)"  # first, so that the grep below is not one of them
found="$(grep -F -- "$needle" <<< "$all")"
if [ -n "$found" ]; then
  echo "telemetry: npm left IBM telemetry running from $dir/node_modules, sending usage data to IBM:" >&2
  echo "$found" | sed 's/^/    /' >&2
  echo "  npm ran without IBM_TELEMETRY_DISABLED=true (the Maven build, .ci/run and the Dockerfile set it)." >&2
  echo "  Stop it: kill $(echo "$found" | awk '{print $1}' | tr '\n' ' ')" >&2
  echo "  then run npm with IBM_TELEMETRY_DISABLED=true in its environment (export IBM_TELEMETRY_DISABLED=true)." >&2
  exit 1
fi
echo "telemetry: no IBM telemetry process running from $dir/node_modules"
