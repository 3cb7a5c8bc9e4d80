#!/usr/bin/env bash
# Model quality gate: bpmnlint (recommended rules + the Camunda 7.24 compatibility rules Camunda Modeler applies)
# over every BPMN in processes/. With --self-test it first proves the gate rejects a broken model.
# Needs Node 20 + npm (installs the pinned linters from package-lock.json, nothing else).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
[ -d node_modules/bpmnlint ] || npm ci --no-audit --no-fund --loglevel=error

if [ "${1:-}" = "--self-test" ]; then
  if npx --no-install bpmnlint fixtures/broken.bpmn > /tmp/model-lint-self-test.log 2>&1; then
    echo "model lint self-test FAILED: the broken fixture passed"; exit 1
  fi
  echo "model lint self-test: the broken fixture is rejected ($(grep -c 'error' /tmp/model-lint-self-test.log) errors)"
fi

mapfile -t models < <(find "$root/processes" -name '*.bpmn' | sort)
npx --no-install bpmnlint "${models[@]}"
echo "model lint: ${#models[@]} BPMN files pass"
