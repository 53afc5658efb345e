package dev.go4j.check;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.opentest4j.AssertionFailedError;

/**
 * Checks that a shared counter loses no update when many goroutines increment it at once.
 *
 * <p>A race shows only under some schedules, so the check repeats the experiment under varied ones: 2, 4 or 8
 * incrementers, virtual threads (goroutines) or platform threads (which the OS preempts at any instruction), some
 * yielding now and then to shuffle the interleaving. In each trial all incrementers are released at once and
 * increment for {@value #TRIAL_MILLIS} ms, each counting its own calls; the counter must then equal the sum.
 * Running for a fixed time, not a fixed count, makes the incrementers overlap however fast or slow the counter is.
 * Lost updates need two incrementers on two cores at the same moment, which a busy machine (the JIT compiling the
 * learner's fresh code, another JVM) can deny for a while; so after an unmeasured warm-up trial the check goes on
 * for at least {@value #MIN_TRIALS} trials and {@value #BUDGET_MILLIS} ms, and stops at the first lost update.
 *
 * <p>Detection probability: on 2 or more CPUs an unsynchronized counter ({@code n++} on a plain or volatile field)
 * loses updates in nearly every trial; {@code RaceCheckTest} requires the check to catch one in at least 19 of 20
 * runs, and it caught every one of its runs on the project machine (2 cores). With one CPU, updates are lost only
 * when the OS preempts a platform thread inside {@code n++}, and a race may go unnoticed.
 */
public final class RaceCheck {
    /** The fewest trials a check makes, each with another schedule. */
    public static final int MIN_TRIALS = 12;
    /** The least time a check keeps trying. */
    public static final int BUDGET_MILLIS = 1500;
    /** How long the incrementers of one trial run. */
    public static final int TRIAL_MILLIS = 40;
    private static final int[] INCREMENTERS = {2, 4, 8};
    private static final int[] YIELD_EVERY = {0, 0, 7, 0, 61, 0};

    private RaceCheck() {}

    /**
     * @param make      makes a new counter at zero
     * @param increment adds one to a counter
     * @param value     reads a counter
     * @throws AssertionFailedError if some schedule loses or invents an update
     */
    public static <C> void assertRaceFree(Supplier<C> make, Consumer<C> increment, ToLongFunction<C> value) {
        hammer(make.get(), increment, 2, false, 0, new AtomicLong()); // warm-up: let the JIT compile the counter
        long deadline = System.nanoTime() + BUDGET_MILLIS * 1_000_000L;
        for (int trial = 0; trial < MIN_TRIALS || System.nanoTime() < deadline; trial++) {
            int n = INCREMENTERS[trial % INCREMENTERS.length];
            boolean platform = trial % 2 == 1;
            int yieldEvery = YIELD_EVERY[trial % YIELD_EVERY.length];
            C counter = make.get();
            AtomicLong calls = new AtomicLong();
            hammer(counter, increment, n, platform, yieldEvery, calls);
            long expected = calls.get();
            long got = value.applyAsLong(counter);
            if (got != expected) {
                throw new AssertionFailedError("lost updates: " + n + " " + (platform ? "threads" : "goroutines")
                        + " called inc() " + expected + " times in all, but the count is " + got + " (trial " + (trial + 1)
                        + "). Two goroutines read the same old value and both wrote it back plus one: protect the count "
                        + "with a Mutex, use an AtomicLong, or let one goroutine own it.", expected, got);
            }
        }
    }

    private static <C> void hammer(C counter, Consumer<C> increment, int n, boolean platform, int yieldEvery, AtomicLong calls) {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            Runnable work = () -> {
                ready.countDown();
                long mine = 0;
                try {
                    go.await();
                    long end = System.nanoTime() + TRIAL_MILLIS * 1_000_000L;
                    do {
                        for (int i = 0; i < 64; i++) {
                            increment.accept(counter);
                            mine++;
                            if (yieldEvery > 0 && mine % yieldEvery == 0) Thread.yield();
                        }
                    } while (System.nanoTime() < end);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    calls.addAndGet(mine);
                }
            };
            threads.add(platform ? Thread.ofPlatform().daemon().start(work) : Thread.ofVirtual().start(work));
        }
        try {
            ready.await();
            go.countDown();
            for (Thread t : threads) t.join();
        } catch (InterruptedException e) {
            for (Thread t : threads) t.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (!failures.isEmpty()) {
            Throwable t = failures.get(0);
            if (t instanceof RuntimeException r) throw r;
            if (t instanceof Error e) throw e;
            throw new IllegalStateException(t);
        }
    }
}
