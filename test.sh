#!/usr/bin/env bash
# Runs every test of every module (unit, property, architecture, contract, simulation).
set -euo pipefail
cd "$(dirname "$0")"
exec mvn -B -ntp verify "$@"
