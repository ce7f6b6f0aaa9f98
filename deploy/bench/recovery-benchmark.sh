#!/usr/bin/env bash
# Recovery after a crash, as an operator lives it: N launches ordered, the portal's WildFly killed
# with SIGKILL while they run, 'deploy/minicloud up' again. Prints how long the portal was down and
# how long until every order had settled (RUNNING, or ERROR with a reason), then deletes them.
# Usage: deploy/bench/recovery-benchmark.sh [N, default 6]   (after deploy/minicloud up)
set -euo pipefail
# shellcheck source=deploy/bench/running-cloud.sh
. "$(dirname "$0")/running-cloud.sh"
n=${1:-6}
api=http://127.0.0.1:$WF_PORT/api/v1
token=$(keycloak_token ann ann)
auth="Authorization: Bearer $token"
network=$(curl -sf -H "$auth" -H 'Content-Type: application/json' "$api/networks" -d '{"name":"recovery-bench"}' | jq -r .id)
ids=$(curl -sf -H "$auth" -H 'Content-Type: application/json' "$api/instances" -d '{"name":"recovery-bench",
  "flavor":"entry","image":"tiny-linux","network":"'"$network"'","systemDiskGib":1,"password":"Recovery-1","count":'"$n"'}' \
  | jq -r '.instances[].id')
sleep 2
now() { date +%s.%N; }
killed=$(now)
kill -9 "$(cat "$WF_PIDFILE")"
say "killed WildFly with SIGKILL while $n launches ran; 'up' again"
deploy/minicloud up >/dev/null
back=$(now)
token=$(keycloak_token ann ann)
auth="Authorization: Bearer $token"
while :; do
  states=$(for id in $ids; do curl -s -H "$auth" "$api/instances/$id" | jq -r .state; done)
  if ! grep -qvE '^(RUNNING|ERROR)$' <<<"$states"; then break; fi
  sleep 0.5
done
settled=$(now)
awk -v k="$killed" -v b="$back" -v s="$settled" -v r="$(grep -c RUNNING <<<"$states" || true)" \
  -v e="$(grep -c ERROR <<<"$states" || true)" 'BEGIN { printf "portal down %.1f s (kill -> portal answering again); every order settled %.1f s after the kill: %d running, %d error\n", b - k, s - k, r, e }'
for id in $ids; do curl -s -o /dev/null -X DELETE -H "$auth" "$api/instances/$id"; done
for id in $ids; do
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$api/instances/$id")" = 404 ]; do sleep 1; done
done
curl -s -o /dev/null -X DELETE -H "$auth" "$api/networks/$network"
