#!/usr/bin/env bash
# Runs Crisisline. Today that is the simulated day: the reference crisis-line day replayed through
# Crisisline's dispatcher and through a longest-idle baseline, side by side.
# Extra arguments go to the simulator (try: ./run.sh simulate --help).
set -euo pipefail
cd "$(dirname "$0")"
jar=load-tests/target/crisisline-load-tests.jar
# Maven's output is shown only if the build fails.
if ! build_log=$(mvn -B -ntp -q -DskipTests -pl load-tests -am package 2>&1); then
  printf '%s\n' "$build_log" >&2
  exit 1
fi
exec java -jar "$jar" "$@"
