/** Benchmark programs that print figures (run by deploy/bench/image-benchmark.sh), not tests. */
package cloud.minicloud.image.bench;
