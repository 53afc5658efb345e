package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.go4j.Go.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Waits that end without their operation (a select that took another case, a timeout, an interrupt) leave
 * nothing behind: no waiter in any channel's queues, no armed timer, no growing heap. jox leaked exactly such
 * waiters in a select loop (jox issue #48).
 */
@Tag("stress")
@DisplayName("Cancelled waiters leave nothing behind")
class WaiterLeakTest {
    /** A leak of one small object per iteration would add at least this much per iteration. */
    private static final int LEAK_BYTES = 24;

    @Test
    @DisplayName("a select loop over an idle channel, a busy one and a timeout, a million times in the long run: no waiter, timer or heap growth")
    void selectLoopOnIdleChannel() {
        int n = Sizes.pick(100_000, 2_000_000);
        Chan<Integer> idle = chan("idle"), busy = chan("busy");
        int timersBefore = Timers.armed();
        go(() -> {
            for (int i = 0; i < n; i++) busy.send(i);
        });
        AtomicInteger got = new AtomicInteger();
        int warmUp = n / 10;
        long heapBefore = 0;
        for (int i = 0; i < n; i++) {
            if (i == warmUp) heapBefore = usedHeapAfterGc();
            select(recv(idle, v -> fail("idle channel delivered " + v)), recv(busy, v -> got.incrementAndGet()),
                    timeout(seconds(3600), () -> fail("timed out")));
        }
        long growth = usedHeapAfterGc() - heapBefore;
        assertEquals(n, got.get());
        assertArrayEquals(new int[] {0, 0}, idle.waiting(), "waiters left on the idle channel");
        assertArrayEquals(new int[] {0, 0}, busy.waiting(), "waiters left on the busy channel");
        assertTrue(Timers.armed() <= timersBefore, "timers left armed: " + (Timers.armed() - timersBefore));
        assertHeapBounded(growth, n - warmUp);
    }

    @Test
    @DisplayName("a select loop whose timeout fires on an idle channel: no waiter left, no timer left armed")
    void timeoutsOnIdleChannel() {
        int n = Sizes.pick(3_000, 50_000);
        Chan<Integer> idle = chan("idle");
        int timersBefore = Timers.armed();
        AtomicInteger timeouts = new AtomicInteger();
        for (int i = 0; i < n; i++) select(recv(idle), send(idle, i), timeout(micros(1), timeouts::incrementAndGet));
        assertEquals(n, timeouts.get());
        assertArrayEquals(new int[] {0, 0}, idle.waiting());
        assertTrue(Timers.armed() <= timersBefore, "timers left armed: " + (Timers.armed() - timersBefore));
    }

    @Test
    @DisplayName("goroutines interrupted while waiting on a channel, in a select, on a Mutex and on a WaitGroup: no waiter or heap growth")
    void interruptedWaiters() throws InterruptedException {
        int batches = Sizes.pick(40, 1_000), batch = 500;
        Chan<Integer> idle = chan("idle"), full = chan("full", 1);
        full.send(0);
        Mutex held = new Mutex();
        held.lock();
        WaitGroup pending = new WaitGroup();
        pending.add(1);
        long heapBefore = 0;
        for (int b = 0; b < batches; b++) {
            if (b == batches / 10) heapBefore = usedHeapAfterGc();
            Thread[] waiters = new Thread[batch];
            AtomicInteger interrupted = new AtomicInteger();
            WaitGroup finished = new WaitGroup();
            for (int i = 0; i < batch; i++) {
                int kind = i % 5;
                int slot = i;
                finished.go(() -> {
                    waiters[slot] = Thread.currentThread();
                    try {
                        switch (kind) {
                            case 0 -> idle.recv();
                            case 1 -> full.send(1);
                            case 2 -> select(recv(idle), send(full, 2));
                            case 3 -> held.lock();
                            default -> pending.await();
                        }
                        fail("a wait that cannot end ended");
                    } catch (UncheckedInterruptedException e) {
                        interrupted.incrementAndGet();
                    }
                });
            }
            // Interrupt each goroutine once it waits; an interrupt that comes first fails its wait at once.
            for (int i = 0; i < batch; i++) {
                while (waiters[i] == null) Thread.onSpinWait();
                waiters[i].interrupt();
            }
            ChannelStressTest.awaitWithin(finished, "interrupted goroutines still blocked");
            assertEquals(batch, interrupted.get());
        }
        long growth = usedHeapAfterGc() - heapBefore;
        assertArrayEquals(new int[] {0, 0}, idle.waiting(), "waiters left on the idle channel");
        assertArrayEquals(new int[] {0, 0}, full.waiting(), "waiters left on the full channel");
        assertEquals("Mutex(locked, waiting=0)", held.toString());
        assertEquals("WaitGroup(count=1, waiting=0)", pending.toString());
        assertHeapBounded(growth, (batches - batches / 10) * batch);
    }

    private static void assertHeapBounded(long growth, long iterations) {
        long allowed = Math.max(4L << 20, LEAK_BYTES * iterations / 4);
        System.out.printf("heap growth %,d bytes over %,d iterations (allowed %,d)%n", growth, iterations, allowed);
        assertTrue(growth < allowed, "heap grew by " + growth + " bytes over " + iterations + " iterations");
    }

    /** Heap in use after collecting garbage until it stops shrinking. */
    static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used) break;
            used = now;
        }
        return used;
    }
}
