package dev.go4j.check;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.opentest4j.AssertionFailedError;

/**
 * Checks that code which has to wait really blocks instead of spinning: a {@code select} with a {@code default}
 * case in a loop gives the right answer too, but burns a whole core while it waits.
 *
 * <p>It runs the code on a thread of its own and samples that thread's state every {@value #SAMPLE_MILLIS} ms: a
 * thread blocked in a channel operation, a select or a sleep is {@code WAITING} or {@code TIMED_WAITING}; a
 * spinning one is {@code RUNNABLE} in nearly every sample. The thread's state does not depend on how busy the
 * machine is (a spinning thread that the OS has set aside is still runnable), so neither does the verdict, unlike a
 * measure of CPU time or of the clock.
 */
public final class BusyWaitCheck {
    static final int SAMPLE_MILLIS = 5;
    /** Fewer samples than this (a wait under ~50 ms) say nothing. */
    private static final int MIN_SAMPLES = 10;
    /** Runnable in more than this share of the samples is spinning (a blocked thread is runnable only at its start and end). */
    private static final double MAX_RUNNABLE_SHARE = 0.5;

    private BusyWaitCheck() {}

    /**
     * Runs {@code waiting} (which should spend most of its time blocked) on a thread of its own and returns its
     * result.
     *
     * @throws AssertionFailedError if the thread was running, not blocked, in more than half of the samples
     */
    public static <T> T assertWaitsWithoutSpinning(String what, Callable<T> waiting) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        Thread t = Thread.ofPlatform().daemon().name("go4j-check waiting").start(() -> {
            try {
                result.set(waiting.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        int samples = 0, runnable = 0;
        while (!t.join(java.time.Duration.ofMillis(SAMPLE_MILLIS))) {
            Thread.State s = t.getState();
            if (s == Thread.State.TERMINATED) break;
            samples++;
            if (s == Thread.State.RUNNABLE) runnable++;
        }
        t.join();
        long wall = System.nanoTime() - start;
        if (failure.get() instanceof Exception e) throw e;
        if (failure.get() instanceof Error e) throw e;
        if (samples >= MIN_SAMPLES && runnable > MAX_RUNNABLE_SHARE * samples) {
            throw new AssertionFailedError(what + ": busy waiting - during the " + wall / 1_000_000 + " ms it waited, the code was "
                    + "running, not blocked, in " + runnable + " of " + samples + " looks. A select with a default case in a loop "
                    + "spins and keeps a core busy; let select block (no default case), with a timeout case if it must give up.");
        }
        return result.get();
    }
}
