#!/usr/bin/env bash
# Launch latency of the whole cloud: N demo tenants order M instances each at once through the
# REST API; prints accepted->RUNNING percentiles (control plane / libvirt / guest boot), then the
# bare libvirt floor of the driver benchmark in the same run.
# Usage: deploy/bench/launch-benchmark.sh [M per tenant, default 3] [users, default ann,bob]
# Needs a running cloud (deploy/minicloud up).
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/lib/common.sh
export JAVA_HOME=$JAVA25_HOME
# The modules portal-web uses go to the local repository, so that exec:java can run in portal-web alone.
mvn -B -q -ntp -pl hypervisor-driver,image-catalog,portal-core -am install -DskipTests
mvn -B -q -ntp -pl portal-web test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=cloud.minicloud.web.it.LaunchBenchmark -Dbench.perTenant="${1:-3}" -Dbench.users="${2:-ann,bob}" \
  -Dminicloud.url="http://localhost:${MINICLOUD_PORT:-8080}" -Dkeycloak.url="http://localhost:8180"
echo
echo "bare libvirt floor (driver benchmark, same machine, same run):"
deploy/bench/driver-benchmark.sh "${1:-3}"
