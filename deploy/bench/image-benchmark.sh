#!/usr/bin/env bash
# Times the image pipeline (streamed upload into the store, inspection, qemu-img check and
# conversion) for qcow2 images full of data against cp of the same file, and prints the heap it
# used. Usage: deploy/bench/image-benchmark.sh [GiB ...]   (default: 1 4; needs qemu-img, ~3x the size free in /var/tmp)
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/lib/common.sh
export JAVA_HOME=$JAVA25_HOME
mvn -B -q -ntp -pl image-catalog -am test-compile -DskipTests
mvn -B -q -ntp -pl image-catalog exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=cloud.minicloud.image.bench.ImagePipelineBenchmark -Dexec.args="${*:-1 4}"
