package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.go4j.Go.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * go4j at scale: a million goroutines parked at once in a stated heap, and ten thousand channels in one
 * select-heavy program. Runs in a JVM of its own whose heap is capped ({@code go4j.scale.heap} in pom.xml,
 * 2 GB): a parked goroutine must cost less than 2 KB of heap (about 1.2 KB measured at a million).
 */
@Tag("stress")
@DisplayName("Scale")
class ScaleTest {
    /**
     * What one parked goroutine (virtual thread, goroutine record, waiter) may cost at most. The fast run's
     * hundred thousand measure it roughly (fixed costs and GC noise weigh more there), hence its looser bound.
     */
    private static final long BYTES_PER_PARKED_GOROUTINE = Sizes.pick(4_096, 2_048);

    @Test
    @DisplayName("a million goroutines (100 000 in the fast run) blocked on 1 000 channels at once, then released: each gets one value")
    void manyParkedGoroutines() {
        int n = Sizes.pick(100_000, 1_000_000), perChannel = 1_000;
        assertTrue(Runtime.getRuntime().maxMemory() <= 2100L << 20,
                "this test must run with the stated heap (-Xmx2g), not " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        List<Chan<Integer>> chans = new ArrayList<>();
        for (int i = 0; i < n / perChannel; i++) chans.add(chan("c" + i));
        AtomicLong sum = new AtomicLong();
        AtomicInteger received = new AtomicInteger();
        WaitGroup wg = new WaitGroup();
        long start = System.nanoTime(), heapAtHalf = 0;
        for (int i = 0; i < n; i++) {
            if (i == n / 2) {
                awaitParked(chans, i);
                heapAtHalf = WaiterLeakTest.usedHeapAfterGc();
            }
            Chan<Integer> c = chans.get(i / perChannel);
            wg.go(() -> {
                sum.addAndGet(c.recv());
                received.incrementAndGet();
            });
        }
        awaitParked(chans, n);
        long parkedAt = System.nanoTime();
        // The cost of the second half: what a parked goroutine adds, without fixed costs.
        long perGoroutine = (WaiterLeakTest.usedHeapAfterGc() - heapAtHalf) / (n - n / 2);
        // Release from goroutines, one per channel: values 1..perChannel on each.
        for (Chan<Integer> c : chans) go(() -> {
            for (int v = 1; v <= perChannel; v++) c.send(v);
        });
        ChannelStressTest.awaitWithin(wg, "goroutines still parked after their values were sent", 600, false);
        long end = System.nanoTime();
        System.out.printf("%,d goroutines parked in %d ms, released in %d ms; %,d bytes each while parked%n",
                n, (parkedAt - start) / 1_000_000, (end - parkedAt) / 1_000_000, perGoroutine);
        assertEquals(n, received.get());
        assertEquals((long) chans.size() * perChannel * (perChannel + 1) / 2, sum.get(), "each value received exactly once");
        for (Chan<Integer> c : chans) assertArrayEquals(new int[] {0, 0}, c.waiting());
        assertTrue(perGoroutine < BYTES_PER_PARKED_GOROUTINE, perGoroutine + " bytes per parked goroutine");
    }

    /** Waits until {@code n} receivers wait on the channels in all. */
    private static void awaitParked(List<Chan<Integer>> chans, int n) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (;;) {
            int waiting = 0;
            for (Chan<Integer> c : chans) waiting += c.waiting()[1];
            if (waiting == n) return;
            if (System.nanoTime() > deadline) fail("only " + waiting + " of " + n + " goroutines parked");
            sleep(millis(20));
        }
    }

    @Test
    @DisplayName("10 000 channels, 100 producers and 100 consumers each selecting over 100 of them, in one program: every value received once, no false deadlock")
    void tenThousandChannels() {
        int side = 100, perProducer = Sizes.pick(300, 5_000), total = side * perProducer;
        @SuppressWarnings("unchecked")
        Chan<Integer>[][] grid = new Chan[side][side]; // grid[p][k]: producer p's k-th channel, consumer k's p-th
        AtomicInteger received = new AtomicInteger(), selects = new AtomicInteger();
        boolean[] seen = new boolean[total];
        AtomicInteger duplicates = new AtomicInteger();
        run(seconds(Sizes.pick(120, 600)), () -> {
            for (int p = 0; p < side; p++) for (int k = 0; k < side; k++) grid[p][k] = chan(k % 2); // half buffered
            Chan<Void> allReceived = chan();
            for (int p = 0; p < side; p++) {
                int producer = p;
                go(() -> {
                    Case[] cases = new Case[side];
                    for (int i = 0; i < perProducer; i++) {
                        int v = producer * perProducer + i;
                        for (int k = 0; k < side; k++) cases[k] = send(grid[producer][k], v);
                        select(cases);
                        selects.incrementAndGet();
                    }
                });
            }
            WaitGroup consumers = new WaitGroup();
            for (int k = 0; k < side; k++) {
                int consumer = k;
                consumers.go(() -> {
                    boolean[] done = {false};
                    Case[] cases = new Case[side + 1];
                    for (int p = 0; p < side; p++) {
                        cases[p] = recv(grid[p][consumer], v -> {
                            synchronized (seen) {
                                if (seen[v]) duplicates.incrementAndGet();
                                seen[v] = true;
                            }
                            if (received.incrementAndGet() == total) close(allReceived);
                        });
                    }
                    cases[side] = recv(allReceived, v -> done[0] = true);
                    while (!done[0]) {
                        select(cases);
                        selects.incrementAndGet();
                    }
                });
            }
            consumers.await();
        });
        assertEquals(0, duplicates.get());
        assertEquals(total, received.get());
        for (int v = 0; v < total; v++) assertTrue(seen[v], "value " + v + " never received");
        for (Chan<Integer>[] row : grid) for (Chan<Integer> c : row) assertArrayEquals(new int[] {0, 0}, c.waiting());
        assertTrue(selects.get() >= 2 * total);
        System.out.printf("10 000 channels: %,d values, %,d selects%n", total, selects.get());
    }
}
