package dev.go4j.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times how long a cache line takes to go from one core to the other and back: two platform threads take turns to
 * increment one counter, this thread making it odd, the other one, spinning, making it even again. On a virtual
 * machine, the host decides where its cores are, and moves them: on this project's 2-core machine, a round trip has
 * taken 40 to 70 ns for seconds or minutes, then about 370 ns. Used by {@link CoreToCore} (beside every JMH score)
 * and by {@code ./go4j ab} (src/jmh/ab/Alternate.java), so it needs nothing beyond the JDK.
 */
public final class CacheLineRoundTrip {
    /**
     * Batches of round trips, timed one by one: the median batch leaves out those during which the system ran
     * something else on one of the cores (a compiler thread, the garbage collector). About 1 to 8 ms in all.
     */
    private static final int BATCHES = 21, ROUND_TRIPS = 1_000;

    private CacheLineRoundTrip() {}

    /** The round trip, in ns: the mean of the median batch. */
    public static double nanos() {
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
