#!/usr/bin/env bash
# Runs Crisisline. By default: the triage server's embedded default (in-memory queue, IVR over
# FastAGI, a simulated Asterisk with callers and six operatives, the routing loop), logging calls as
# they flow and a one-line summary every 10 s; Ctrl-C stops it. Options: --config FILE, --time-scale N (default 10).
#
#   ./run.sh simulate ...   the simulated crisis-line day, Crisisline against a longest-idle queue
#                           (try: ./run.sh simulate --help)
set -euo pipefail
cd "$(dirname "$0")"

# Maven's output is shown only if the build fails.
build() {
  local build_log
  if ! build_log=$(mvn -B -ntp -q -DskipTests -pl "$1" -am package 2>&1); then
    printf '%s\n' "$build_log" >&2
    exit 1
  fi
}

if [[ "${1:-}" == "simulate" ]]; then
  build load-tests
  exec java -jar load-tests/target/crisisline-load-tests.jar "$@"
fi
build triage-server
# Readable lines on a console; the server's own default is one JSON object per line, for a log shipper.
export CRISISLINE_LOG_FORMAT="${CRISISLINE_LOG_FORMAT:-text}"
exec java -jar triage-server/target/crisisline-server.jar "$@"
