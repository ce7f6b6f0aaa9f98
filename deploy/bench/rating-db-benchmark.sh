#!/usr/bin/env bash
# Rating through the database of a running cloud: seeds T-1 tenants (rows only) and acme with I
# instances each, every one existing H hours of this month (its 20 GiB disk) and running four
# spans in them (its compute): 10 usage events an instance, 1,000,000 for the defaults. Then times
# their rating (one chargeback request rates every tenant) with the server's heap, the chargeback
# again, ann's costs by the API and ann's Costs page in Chromium, and removes everything it seeded.
# Usage: deploy/bench/rating-db-benchmark.sh [tenants, default 1000] [instances each, default 100]
#        [hours, default 5]   (after deploy/minicloud up)
set -euo pipefail
# shellcheck source=deploy/bench/running-cloud.sh
. "$(dirname "$0")/running-cloud.sh"
tenants=${1:-1000} instances=${2:-100} hours=${3:-5}
zone=${MINICLOUD_BILLING_ZONE:-Asia/Shanghai}
# This month began at midnight in the billing zone; as UTC, as the database keeps times.
month_start=$(TZ=UTC date -d "TZ=\"$zone\" $(TZ=$zone date +%Y-%m-01) 00:00" '+%F %T')
db() {
  mariadb_sql "USE minicloud; SET time_zone = '+00:00'; $1"
}
cleanup() {
  echo "removing the seeded usage, lines and tenants"
  db "DELETE FROM minicloud.rated_line WHERE resource_id LIKE 'rating-bench-%';
      DELETE FROM minicloud.usage_event WHERE resource_id LIKE 'rating-bench-%';
      DELETE l FROM minicloud.statement_line l JOIN minicloud.statement s ON s.id = l.statement_id
        JOIN minicloud.tenant t ON t.id = s.tenant_id WHERE t.alias LIKE 'rating-bench-%';
      DELETE s FROM minicloud.statement s JOIN minicloud.tenant t ON t.id = s.tenant_id WHERE t.alias LIKE 'rating-bench-%';
      DELETE w FROM minicloud.rating_watermark w JOIN minicloud.tenant t ON t.id = w.tenant_id WHERE t.alias LIKE 'rating-bench-%';
      DELETE FROM minicloud.tenant WHERE alias LIKE 'rating-bench-%'"
}
# Built first, seeded last: the rating schedule (every 10 minutes) has little time to rate before the benchmark does.
# The modules portal-web uses go to the local repository, so that exec:java can run in portal-web alone.
mvn -B -q -ntp -pl portal-core,image-catalog,billing -am install -DskipTests
mvn -B -q -ntp -pl portal-web test-compile
trap cleanup EXIT
span=$(db "SELECT TIMESTAMPDIFF(HOUR, GREATEST('$month_start', NOW(3) - INTERVAL 20 DAY), NOW(3) - INTERVAL $((hours + 1)) HOUR)" \
  | tail -1)
[ "$span" -ge 1 ] || die "this month is younger than $((hours + 1)) hours: run the benchmark later in the month"
echo "seeding $((tenants - 1)) tenants and acme with $instances instances each, $hours hours of this month apiece"
start=$(date +%s)
db "INSERT INTO minicloud.tenant (alias, display_name, created_at)
      SELECT CONCAT('rating-bench-', LPAD(seq, 5, '0')), CONCAT('Rating bench ', seq), NOW(3)
      FROM minicloud.seq_1_to_$((tenants - 1));
    INSERT INTO minicloud.usage_event (tenant_id, kind, resource_id, resource_name, flavor, size_gib, begins, occurred_at)
      SELECT t.id, IF(k.seq IN (1, 10), 'DISK', 'COMPUTE'), CONCAT('rating-bench-', t.id, '-', i.seq), CONCAT('bench-', i.seq),
        IF(k.seq IN (1, 10), NULL, IF(i.seq % 2 = 0, 'entry', 'general')), IF(k.seq IN (1, 10), 20, 0),
        k.seq = 1 OR (k.seq < 10 AND k.seq % 2 = 0),
        GREATEST('$month_start', NOW(3) - INTERVAL 20 DAY)
          + INTERVAL ((t.id * 37 + i.seq * 11) % $span) * 60 + (t.id + i.seq) % 60 MINUTE
          + INTERVAL CASE WHEN k.seq = 1 THEN 0 WHEN k.seq = 10 THEN $hours * 60
                          WHEN k.seq % 2 = 0 THEN (k.seq - 2) DIV 2 * $hours * 15
                          ELSE (k.seq - 2) DIV 2 * $hours * 15 + $hours * 15 - 10 END MINUTE
      FROM minicloud.tenant t JOIN minicloud.seq_1_to_$instances i JOIN minicloud.seq_1_to_10 k
      WHERE t.alias LIKE 'rating-bench-%' OR t.alias = 'acme'"
echo "seeded $(db "SELECT COUNT(*) FROM minicloud.usage_event WHERE resource_id LIKE 'rating-bench-%'" | tail -1) usage events in $(( $(date +%s) - start )) s"
echo "of them rated already (by the schedule): $(db "SELECT COUNT(*) FROM minicloud.usage_event
  WHERE resource_id LIKE 'rating-bench-%' AND rated_at IS NOT NULL" | tail -1)"
# Rated by one chargeback request: it brings every tenant up to the last whole hour, one transaction
# each, before it answers; timed to its answer, the server's heap sampled from its metrics meanwhile.
portal="http://localhost:${MINICLOUD_PORT:-8080}"
admin=$(keycloak_token admin admin)
heap_mib() {
  curl -sf http://localhost:9990/metrics | awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF} END {printf "%d", s / 1048576}'
}
before=$(heap_mib) peak=0
start=$(date +%s%N)
curl -sf -o /dev/null --max-time 3600 -H "Authorization: Bearer $admin" "$portal/api/v1/admin/chargeback/$(TZ=$zone date +%Y-%m)" &
rating=$!
while kill -0 "$rating" 2>/dev/null; do
  heap=$(heap_mib); [ "$heap" -gt "$peak" ] && peak=$heap
  sleep 1
done
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
wait "$rating" || die "the chargeback request failed"
left=$(db "SELECT COUNT(*) FROM minicloud.usage_event WHERE resource_id LIKE 'rating-bench-%' AND rated_at IS NULL" | tail -1)
[ "$left" = 0 ] || die "$left seeded events are not rated after the chargeback answered"
echo "rated $(db "SELECT COUNT(*) FROM minicloud.rated_line WHERE resource_id LIKE 'rating-bench-%'" | tail -1) lines from the seeded events in $((elapsed / 1000)).$((elapsed % 1000 / 100)) s"
echo "server heap in use: $before MiB before, peak $peak MiB while rating (sampled each second, garbage included)"
mvn -B -q -ntp -pl portal-web exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=cloud.minicloud.web.it.RatingDbBenchmark -Dbench.zone="$zone" \
  -Dminicloud.url="http://localhost:${MINICLOUD_PORT:-8080}" -Dkeycloak.url="http://localhost:8180"
