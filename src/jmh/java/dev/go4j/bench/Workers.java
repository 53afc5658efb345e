package dev.go4j.bench;

import dev.go4j.Go;
import dev.go4j.Task;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed number of workers started by a benchmark and awaited by it: goroutines ({@link Go#go(Task)}) for go4j,
 * plain virtual threads for its peers, which is how each of them runs in real code.
 *
 * <p>Completion is a {@link CountDownLatch} in both cases, so the only difference measured is how a worker starts
 * and what it does. A worker that throws fails the benchmark instead of leaving it waiting.
 */
final class Workers {
    /** Longer than any scenario takes; only a lost wake-up or a deadlock gets this far. */
    private static final long TIMEOUT_MINUTES = 5;

    private final boolean goroutines;
    private final CountDownLatch done;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private Workers(boolean goroutines, int count) {
        this.goroutines = goroutines;
        this.done = new CountDownLatch(count);
    }

    /** {@code count} workers that will be go4j goroutines. */
    static Workers goroutines(int count) {
        return new Workers(true, count);
    }

    /** {@code count} workers that will be virtual threads. */
    static Workers virtualThreads(int count) {
        return new Workers(false, count);
    }

    /**
     * Starts one worker running {@code body}. Each kind is started from a lambda of its own type, a {@link Task} or a
     * {@link Runnable}, as real code would: an adapter from one to the other would cost the goroutine one more object
     * and one more frame on its stack, which a parked goroutine keeps.
     */
    void start(Task body) {
        if (goroutines) Go.go(() -> run(body));
        else Thread.ofVirtual().start(() -> run(body));
    }

    private void run(Task body) {
        try {
            body.run();
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        } finally {
            done.countDown();
        }
    }

    /** Waits for every worker to finish, and rethrows the first failure. */
    void await() throws Exception {
        if (!done.await(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            throw new TimeoutException(done.getCount() + " workers still running after " + TIMEOUT_MINUTES + " minutes");
        }
        Throwable t = failure.get();
        if (t instanceof Exception e) throw e;
        if (t instanceof Error e) throw e;
    }
}
