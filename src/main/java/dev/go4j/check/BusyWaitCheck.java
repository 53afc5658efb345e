package dev.go4j.check;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.opentest4j.AssertionFailedError;

/**
 * Checks that code which has to wait really blocks instead of spinning: a {@code select} with a {@code default}
 * case in a loop gives the right answer too, but burns a whole core while it waits.
 *
 * <p>It measures the CPU time of the thread that runs the code while it waits, and compares it with the CPU time
 * that a thread known to spin gets at the same moment beside it. A blocked thread uses almost none; a spinning one
 * about as much as the reference. Comparing with a reference, not with the clock, keeps the verdict right on a
 * machine that is busy with other work, where even a spinning thread gets only a share of a core.
 */
public final class BusyWaitCheck {
    /** Below this much waiting, the measure says nothing. */
    private static final long MIN_WAIT_NANOS = 50_000_000;
    /** A spinner's CPU time is compared with this share of the reference spinner's. */
    private static final double MAX_SHARE_OF_SPINNER = 0.3;
    /** CPU time that is noise whatever the ratio (class loading, the first calls). */
    private static final long NOISE_NANOS = 15_000_000;

    private BusyWaitCheck() {}

    /**
     * Runs {@code waiting} (which should spend most of its time blocked) on a thread of its own and returns its
     * result.
     *
     * @throws AssertionFailedError if it used the CPU for more than 30% of what a spinning thread got meanwhile
     */
    public static <T> T assertWaitsWithoutSpinning(String what, Callable<T> waiting) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported()) return waiting.call();
        if (!mx.isThreadCpuTimeEnabled()) mx.setThreadCpuTimeEnabled(true);
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        long[] cpu = new long[2];
        Thread reference = Thread.ofPlatform().daemon().name("go4j-check spinner").start(() -> {
            long before = mx.getCurrentThreadCpuTime();
            while (!done.get()) Thread.onSpinWait();
            cpu[1] = mx.getCurrentThreadCpuTime() - before;
        });
        long start = System.nanoTime();
        Thread t = Thread.ofPlatform().daemon().name("go4j-check waiting").start(() -> {
            long before = mx.getCurrentThreadCpuTime();
            try {
                result.set(waiting.call());
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                cpu[0] = mx.getCurrentThreadCpuTime() - before;
            }
        });
        try {
            t.join();
        } finally {
            done.set(true);
            reference.join();
        }
        long wall = System.nanoTime() - start;
        if (failure.get() instanceof Exception e) throw e;
        if (failure.get() instanceof Error e) throw e;
        boolean spinning = cpu[0] > NOISE_NANOS && (cpu[1] > 0 ? cpu[0] > MAX_SHARE_OF_SPINNER * cpu[1] : cpu[0] > wall / 2);
        if (wall >= MIN_WAIT_NANOS && spinning) {
            throw new AssertionFailedError(what + ": busy waiting - the code kept the CPU busy for " + cpu[0] / 1_000_000
                    + " ms of the " + wall / 1_000_000 + " ms it waited (a thread spinning beside it got " + cpu[1] / 1_000_000
                    + " ms). A select with a default case in a loop spins; let select block (no default case), with a "
                    + "timeout case if it must give up.");
        }
        return result.get();
    }
}
