package dev.go4j.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * How long a cache line takes to go from one core to the other and back, measured right after each measured
 * iteration and reported beside its score ({@code -prof dev.go4j.bench.CoreToCore}, secondary result
 * {@value #LABEL}, in ns).
 *
 * <p>A virtual machine's cores are threads of the host, which places them where it likes and moves them: on this
 * project's 2-core machine, a round trip has taken 40 to 70 ns for seconds or minutes, then about 370 ns. Every
 * hand-off between two processors pays a few such trips, so the same code can run two to five times slower from one
 * minute to the next, and two scores compare only if they were taken at similar round trips.
 */
public final class CoreToCore implements InternalProfiler {
    static final String LABEL = "core-to-core";
    /**
     * Batches of round trips, timed one by one: the median batch leaves out those during which the system ran
     * something else on one of the cores (a compiler thread, the garbage collector). About 1 to 8 ms in all.
     */
    private static final int BATCHES = 21, ROUND_TRIPS = 1_000;

    @Override
    public String getDescription() {
        return "round trip of a cache line between two cores, after each measured iteration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {}

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
                                                      IterationResult result) {
        if (iteration.getType() != IterationType.MEASUREMENT) return List.of();
        return List.of(new ScalarResult(LABEL, roundTripNanos(), "ns", AggregationPolicy.AVG));
    }

    /**
     * The round trip, in ns, of a counter that two platform threads increment in turn: this thread makes it odd, the
     * other one, spinning, makes it even again. The mean of the median batch.
     */
    static double roundTripNanos() {
        AtomicLong line = new AtomicLong();
        Thread echo = Thread.ofPlatform().daemon().start(() -> {
            for (long seen = 0; seen >= 0; ) {
                seen = line.get();
                if ((seen & 1) == 1) line.set(seen + 1);
            }
        });
        try {
            bounce(line, ROUND_TRIPS); // until the echo thread runs, and compiled
            long[] batches = new long[BATCHES];
            for (int b = 0; b < BATCHES; b++) {
                long start = System.nanoTime();
                bounce(line, ROUND_TRIPS);
                batches[b] = System.nanoTime() - start;
            }
            Arrays.sort(batches);
            return batches[BATCHES / 2] / (double) ROUND_TRIPS;
        } finally {
            line.set(Long.MIN_VALUE); // ends the echo thread
            try {
                echo.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void bounce(AtomicLong line, int roundTrips) {
        for (int i = 0; i < roundTrips; i++) {
            long odd = line.get() + 1;
            line.set(odd);
            while (line.get() == odd) {} // no pause, as in Go's version of this probe (src/jmh/go/main.go)
        }
    }
}
