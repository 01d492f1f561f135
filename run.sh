#!/usr/bin/env bash
# Runs Crisisline. Today that is the simulated day: the reference crisis-line day replayed through
# Crisisline's dispatcher and through a longest-idle baseline, side by side.
# Extra arguments go to the simulator (try: ./run.sh simulate --help).
set -euo pipefail
cd "$(dirname "$0")"
jar=load-tests/target/crisisline-load-tests.jar
mvn -B -ntp -q -Dstyle.color=never -DskipTests -pl load-tests -am package
exec java -jar "$jar" "$@"
