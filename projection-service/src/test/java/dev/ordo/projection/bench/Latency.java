package dev.ordo.projection.bench;

import java.util.Arrays;
import java.util.function.IntConsumer;

/** Runs a query many times and tells its latency percentiles, in milliseconds. */
final class Latency {

    private Latency() {
    }

    /** Runs {@code query} {@code warmup} times unmeasured, then {@code runs} times measured (run number given). */
    static String measure(int warmup, int runs, IntConsumer query) {
        for (int i = 0; i < warmup; i++) {
            query.accept(i);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.accept(warmup + i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d runs)", percentile(millis, 0.50),
                percentile(millis, 0.99), millis[runs - 1], runs);
    }

    static double percentile(double[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }
}
