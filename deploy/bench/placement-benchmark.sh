#!/usr/bin/env bash
# How long the scheduler takes to place INSTANCES instances over NODES simulated compute nodes (fake
# drivers), spread and pack: the filters and the weigher of every order's placement, in memory.
# Usage: deploy/bench/placement-benchmark.sh [NODES, default 1000] [INSTANCES, default 10000]
# Needs no running cloud.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/lib/common.sh
export JAVA_HOME=$JAVA25_HOME
# The modules portal-core uses go to the local repository, so that exec:java can run in portal-core alone.
mvn -B -q -ntp -pl hypervisor-driver,image-catalog -am install -DskipTests
mvn -B -q -ntp -pl portal-core test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=cloud.minicloud.core.placement.PlacementBenchmark \
  -Dbench.nodes="${1:-1000}" -Dbench.instances="${2:-10000}"
