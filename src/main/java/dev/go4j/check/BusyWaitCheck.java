package dev.go4j.check;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.opentest4j.AssertionFailedError;

/**
 * Checks that code which has to wait really blocks instead of spinning: a {@code select} with a {@code default}
 * case in a loop gives the right answer too, but burns a whole core while it waits.
 *
 * <p>It measures the CPU time of the thread that runs the code against the wall-clock time the code took: a
 * blocked thread uses almost none, a spinning one nearly all. The verdict is a ratio (more than a fifth of the
 * waiting time spent on the CPU), not a fixed duration.
 */
public final class BusyWaitCheck {
    /** Below this much waiting, the ratio says nothing. */
    private static final long MIN_WAIT_NANOS = 50_000_000;
    private static final double MAX_CPU_SHARE = 0.2;

    private BusyWaitCheck() {}

    /**
     * Runs {@code waiting} (which should spend most of its time blocked) on a thread of its own and returns its
     * result.
     *
     * @throws AssertionFailedError if it kept the CPU busy for more than a fifth of the time it took (a blocked
     *                              thread uses almost none; a spinning one all it can get, even on a busy machine)
     */
    public static <T> T assertWaitsWithoutSpinning(String what, Callable<T> waiting) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported()) return waiting.call();
        if (!mx.isThreadCpuTimeEnabled()) mx.setThreadCpuTimeEnabled(true);
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] cpu = new long[1];
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
        t.join();
        long wall = System.nanoTime() - start;
        if (failure.get() instanceof Exception e) throw e;
        if (failure.get() instanceof Error e) throw e;
        if (wall >= MIN_WAIT_NANOS && cpu[0] > MAX_CPU_SHARE * wall) {
            throw new AssertionFailedError(what + ": busy waiting - the code kept the CPU busy for " + cpu[0] / 1_000_000
                    + " ms of the " + wall / 1_000_000 + " ms it waited. A select with a default case in a loop spins; "
                    + "let select block (no default case), with a timeout case if it must give up.");
        }
        return result.get();
    }
}
