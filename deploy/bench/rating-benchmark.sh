#!/usr/bin/env bash
# How fast the rater turns a month of usage into hourly lines, and the heap it takes: T tenants x I
# instances, each existing H hours of the month (its disk) and running about as long (its compute,
# stopped and started once). Rated in memory, tenant by tenant; the database is not involved.
# Usage: deploy/bench/rating-benchmark.sh [tenants, default 1000] [instances each, default 100] [hours, default 5]
# Needs no running cloud.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/lib/common.sh
export JAVA_HOME=$JAVA25_HOME
# The modules billing uses go to the local repository, so that exec:java can run in billing alone.
mvn -B -q -ntp -pl portal-core -am install -DskipTests
mvn -B -q -ntp -pl billing test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=cloud.minicloud.billing.rating.RatingBenchmark \
  -Dbench.tenants="${1:-1000}" -Dbench.instances="${2:-100}" -Dbench.hours="${3:-5}"
