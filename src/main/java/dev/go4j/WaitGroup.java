package dev.go4j;

import java.util.Objects;

/**
 * Waits for a collection of goroutines to finish: {@link #add(int)} counts them in, each calls {@link #done()}
 * when it ends, and {@link #await()} blocks until the count is back to zero. Go's {@code sync.WaitGroup}
 * ({@code Wait} is {@code await} here, because every Java object already has a {@code wait}).
 *
 * <p>Memory effects: everything a goroutine did before {@code done()} happens-before {@code await()} returns.
 */
public final class WaitGroup {
    private int count;                                // guarded by this
    private final WaitList waiters = new WaitList();  // guarded by this

    /**
     * Adds {@code delta}, which may be negative, to the counter. When it reaches zero, every goroutine blocked
     * in {@link #await()} is released. Go's {@code wg.Add(delta)}.
     *
     * @throws Panic "sync: negative WaitGroup counter" if the counter would go below zero
     */
    public synchronized void add(int delta) {
        Goroutine.current(); // whoever counts down must be known to go4j, or the waiters look deadlocked
        long next = (long) count + delta;
        if (next < 0) throw new Panic("sync: negative WaitGroup counter");
        if (next > Integer.MAX_VALUE) throw new Panic("sync: WaitGroup counter overflows");
        count = (int) next;
        if (count == 0) waiters.wakeAll();
    }

    /** Decrements the counter by one: Go's {@code wg.Done()}. */
    public void done() {
        add(-1);
    }

    /**
     * Blocks until the counter is zero: Go's {@code wg.Wait()}.
     *
     * @throws UncheckedInterruptedException if interrupted while blocked
     */
    public void await() {
        Parker p;
        synchronized (this) {
            if (count == 0) return;
            p = waiters.add();
        }
        waiters.await(this, p, "sync.WaitGroup.Wait");
    }

    /** Runs {@code task} in a new goroutine counted by this group: Go 1.25's {@code wg.Go(f)}. */
    public void go(Task task) {
        Objects.requireNonNull(task, "task");
        add(1);
        Go.go(() -> {
            try {
                task.run();
            } finally {
                done();
            }
        });
    }

    /** The current count. */
    public synchronized int count() {
        return count;
    }

    @Override
    public synchronized String toString() {
        return "WaitGroup(count=" + count + ", waiting=" + waiters.size() + ")";
    }
}
