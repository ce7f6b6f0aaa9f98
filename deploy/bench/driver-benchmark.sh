#!/usr/bin/env bash
# Times the hypervisor driver against qemu-img/virsh on this machine's qemu:///system and prints
# the figures. Usage: deploy/bench/driver-benchmark.sh [INSTANCES]   (after deploy/minicloud up)
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/lib/common.sh
export JAVA_HOME=$JAVA25_HOME MINICLOUD_IMAGES=${MINICLOUD_IMAGES:-$STATE/images}
mvn -B -q -ntp -pl hypervisor-driver -am test-compile -DskipTests
mvn -B -q -ntp -pl hypervisor-driver exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=cloud.minicloud.hypervisor.bench.DriverBenchmark -Dexec.args="${1:-5}"
