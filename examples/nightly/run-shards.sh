#!/bin/sh
# Runs a skew nightly as N local shard processes in parallel, then merges them into one report.
#
#   examples/nightly/run-shards.sh [N] [-- extra skew run arguments]
#   SKEW=./node_modules/.bin/skew examples/nightly/run-shards.sh 4 -- --target staging
#
# Every shard writes reports/blob-<run>-<i>ofN.json (one run id for all, so the merge takes them together);
# each shard's output goes to reports/shard-<i>.log. A shard that could not run (exit 2) is reported, and the
# merge then names it missing. Exits with `skew merge`'s code: 0 clean, 1 skew, 2 could not run, 3 inconclusive
# or shards missing; 130 on Ctrl-C, after stopping every shard still running.
set -u

n=${1:-4}
[ "$#" -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
case $n in
  '' | *[!0-9]* | 0) echo "run-shards.sh: the number of shards must be a positive whole number (got \"$n\")" >&2; exit 2 ;;
esac
skew=${SKEW:-npx skew}
reports=${SKEW_REPORT_DIR:-reports}
SKEW_RUN_ID=${SKEW_RUN_ID:-local-$(date -u +%Y%m%dT%H%M%S)-$$}
export SKEW_RUN_ID
mkdir -p "$reports"

pids=''
stop() {
  trap - INT TERM
  echo "run-shards.sh: interrupted: stopping shards" >&2
  for pid in $pids; do kill -TERM "$pid" 2>/dev/null; done
  for pid in $pids; do wait "$pid" 2>/dev/null; done
  exit 130
}
trap stop INT TERM

i=1
while [ "$i" -le "$n" ]; do
  # shellcheck disable=SC2086 # $skew may be a command with arguments (npx skew)
  $skew run --shard "$i/$n" --reporter blob --report-dir "$reports" "$@" >"$reports/shard-$i.log" 2>&1 &
  pids="$pids $!"
  i=$((i + 1))
done

failed=''
i=1
for pid in $pids; do
  code=0
  wait "$pid" || code=$?
  # 1 (skew) and 3 (inconclusive) are findings of the shard's rows: the merge decides the verdict of the whole run.
  case $code in
    0 | 1 | 3) ;;
    *) failed="$failed $i"; echo "run-shards.sh: shard $i/$n exited with $code (see $reports/shard-$i.log)" >&2 ;;
  esac
  i=$((i + 1))
done
trap - INT TERM
[ -n "$failed" ] && echo "run-shards.sh: failed shards:$failed" >&2

code=0
# shellcheck disable=SC2086
$skew merge "$reports" --report-dir "$reports" --reporter "${SKEW_REPORTERS:-terminal,json,html}" || code=$?
exit "$code"
