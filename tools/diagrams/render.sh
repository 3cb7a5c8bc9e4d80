#!/usr/bin/env bash
# Renders processes/**/*.bpmn to docs/diagrams/<process id>.svg (bpmn-js in Debian's headless Chromium; no browser
# download). Run after changing a model, and commit the SVGs with it.
set -euo pipefail
cd "$(dirname "$0")"
export IBM_TELEMETRY_DISABLED=true
[ -d node_modules/bpmn-js ] || npm ci --no-audit --no-fund
node render.mjs
