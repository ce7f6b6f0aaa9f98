#!/usr/bin/env bash
# The ECS-compatible API's cost per call: Alibaba Cloud's SDK (ACS3) calling DescribeRegions and
# DescribeInstances CALLS times each, one at a time, against the REST API's instance list with a
# bearer token, with an AccessKey ann makes for the run and deletes after it.
# Usage: deploy/bench/ecs-benchmark.sh [CALLS, default 200]   (after deploy/minicloud up)
set -euo pipefail
# shellcheck source=deploy/bench/running-cloud.sh
. "$(dirname "$0")/running-cloud.sh"
# The modules portal-web uses go to the local repository, so that exec:java can run in portal-web alone.
mvn -B -q -ntp -pl portal-core,image-catalog,billing -am install -DskipTests
mvn -B -q -ntp -pl portal-web test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=cloud.minicloud.web.it.EcsBenchmark -Dbench.calls="${1:-200}" \
  -Decs.endpoint="127.0.0.1:$ECS_PORT" -Dminicloud.url="http://localhost:${MINICLOUD_PORT:-8080}" -Dkeycloak.url="http://localhost:8180"
