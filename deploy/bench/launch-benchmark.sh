#!/usr/bin/env bash
# Launch latency of the whole cloud: N demo tenants order M instances each at once through the
# REST API; prints accepted->RUNNING percentiles (control plane / libvirt / guest boot), then the
# bare floor in the same run: as many instances at once with qemu-img and virsh, no control plane.
# Quotas and the local node's overcommit are widened for the run and put back after.
# Usage: deploy/bench/launch-benchmark.sh [M per tenant, default 3] [users, default ann,bob]
# Needs a running cloud (deploy/minicloud up).
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/lib/common.sh
export JAVA_HOME=$JAVA25_HOME
# The modules portal-web uses go to the local repository, so that exec:java can run in portal-web alone.
mvn -B -q -ntp -pl portal-core,image-catalog,billing -am install -DskipTests
mvn -B -q -ntp -pl portal-web test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=cloud.minicloud.web.it.LaunchBenchmark -Dbench.perTenant="${1:-3}" -Dbench.users="${2:-ann,bob}" \
  -Dminicloud.url="http://localhost:${MINICLOUD_PORT:-8080}" -Dkeycloak.url="http://localhost:8180"
