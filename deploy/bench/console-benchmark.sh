#!/usr/bin/env bash
# The console under load: seeds ann's tenant (acme) with ROWS stopped instances (rows only, no
# guests), times the first page of ann's list and of all instances through the API, signs in N
# Chromium sessions as ann on her instances list and N as the cloud admin on all instances, prints
# the retained heap per Vaadin session of each and each list's round trip, then removes the rows.
# Usage: deploy/bench/console-benchmark.sh [N sessions, default 5] [ROWS, default 10000]
#        (after deploy/minicloud up)
set -euo pipefail
ROWS=${2:-10000}
# shellcheck source=deploy/bench/running-cloud.sh
. "$(dirname "$0")/running-cloud.sh"
token=$(keycloak_token ann ann)
curl -s -o /dev/null -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
  "http://localhost:${MINICLOUD_PORT:-8080}/api/v1/networks" -d '{"name":"console-bench"}'
seed="INSERT INTO minicloud.instance (id, tenant_id, name, hostname, flavor_id, vcpus, memory_mib, image_id,
        network_id, system_disk_gib, mac_address, state, state_reason, state_changed_at, created_at, holds_resources)
      SELECT UUID(), t.id, CONCAT('console-bench-', s.seq), CONCAT('console-bench-', s.seq), f.id, f.vcpus, f.memory_mib,
        i.id, n.id, 1, '52:54:00:00:00:00', 'STOPPED', 'seeded by the console benchmark', NOW(3), NOW(3), FALSE
      FROM minicloud.seq_1_to_${ROWS} s
      JOIN minicloud.tenant t ON t.alias = 'acme'
      JOIN minicloud.flavor f ON f.name = 'entry'
      JOIN minicloud.image i ON i.name = 'tiny-linux' AND i.owner_tenant_id IS NULL
      JOIN minicloud.tenant_network n ON n.tenant_id = t.id AND n.name = 'console-bench'"
cleanup() {
  mariadb_sql "DELETE FROM minicloud.instance WHERE name LIKE 'console-bench-%' AND state_reason = 'seeded by the console benchmark'"
  local api="http://localhost:${MINICLOUD_PORT:-8080}/api/v1/networks"
  for id in $(curl -s -H "Authorization: Bearer $token" "$api?limit=500" | jq -r '.items[] | select(.name == "console-bench") | .id'); do
    curl -s -o /dev/null -X DELETE -H "Authorization: Bearer $token" "$api/$id"
  done
}
trap cleanup EXIT
mariadb_sql "$seed"
# The modules portal-web uses go to the local repository, so that exec:java can run in portal-web alone.
mvn -B -q -ntp -pl portal-core,image-catalog,billing -am install -DskipTests
mvn -B -q -ntp -pl portal-web test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=cloud.minicloud.web.it.ConsoleBenchmark -Dbench.sessions="${1:-5}" -Dbench.pid="$(cat "$WF_PIDFILE")" \
  -Dminicloud.url="http://localhost:${MINICLOUD_PORT:-8080}" -Dkeycloak.url="http://localhost:8180"
