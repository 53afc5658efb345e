package dev.go4j;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The lock of a channel, kept in the channel object itself: a word, not an object. Taking the lock and then
 * reading the channel's queues touch the same memory, which matters when two goroutines on different processors
 * hand values to each other, and a channel costs no lock objects. Go's {@code hchan} embeds its lock the same way.
 *
 * <p>The lock guards a few dozen instructions that never wait, so its holder usually leaves within a short spin:
 * {@link #lock()} tries, spins, and only then sleeps. Parking a virtual thread would cost it microseconds to
 * wait out nanoseconds. A spinning thread may look at the lock after every pause, or back off: see
 * {@link #ChanLock(int)}. Sleepers wait on a monitor made on first need, and count themselves in a field next to the
 * lock word, so that a release looks at one cache line only.
 *
 * <p>A release is a plain store, not an atomic instruction: a hand-off between two goroutines takes and releases
 * the lock twice, and each atomic instruction is a full fence. The store is followed by a read of the sleeper count,
 * and without a fence the processor may do that read first: a thread that counts itself and finds the lock still
 * taken, in that instant, is not woken by this release. Sleepers therefore wake by themselves every
 * {@value #RECHECK_MILLIS} ms to look again: a missed wake-up costs at most that long, and only a thread that had
 * already spun for the whole {@link #SPINS spin} waits it.
 *
 * <p>It is not reentrant and not fair, and acquiring it ignores interrupts (they stay set).
 */
abstract class ChanLock {
    private static final int UNLOCKED = 0;
    private static final int LOCKED = 1;

    /**
     * How many pauses {@link #lock()} spends on a taken lock before it sleeps: as many as a goroutine spins for its
     * partner. A holder still there after that long was most likely descheduled; sooner, sleeping costs more than it
     * saves, since the sleeper must be woken through the monitor, and every release meanwhile takes the monitor.
     */
    private static final int SPINS = Parker.MAX_SPINS;

    /** How long a sleeper waits before it looks at the lock again, woken or not; see the class comment. */
    private static final long RECHECK_MILLIS = 1;

    private static final VarHandle STATE, MONITOR;
    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(ChanLock.class, "state", int.class);
            MONITOR = l.findVarHandle(ChanLock.class, "monitor", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int state;
    /** The most pauses a spinning thread makes between two looks at the lock; see {@link #ChanLock(int)}. */
    private final int longestPause;
    /** Threads asleep on {@link #monitor}, or about to be; changed only while holding it. */
    private volatile int sleepers;
    /** The monitor that sleepers wait on, made by the first one; private, so no other code can hold it. */
    private volatile Object monitor;

    /**
     * A lock whose spinning threads look at it after every pause ({@code longestPause} 1), or back off: they pause
     * twice as long after each look, up to {@code longestPause} pauses. A look fetches the lock's cache line, which
     * also holds the fields the lock guards, away from the holder, which must fetch it back to go on. A thread that
     * backs off leaves the holder to do several operations in a row, and get the lock again without a wait, with
     * the line in its own cache; the thread that waits gets it a little later than it could have.
     */
    ChanLock(int longestPause) {
        if (longestPause < 1) throw new IllegalArgumentException("longestPause " + longestPause + " < 1");
        this.longestPause = longestPause;
    }

    final void lock() {
        if (!STATE.compareAndSet(this, UNLOCKED, LOCKED)) lockContended();
    }

    /** Unlocks. ({@link Chan#unlock()} also lets the waiter it claimed run.) */
    final void releaseLock() {
        STATE.setRelease(this, UNLOCKED);
        if (sleepers != 0) wakeSleeper();
    }

    private void wakeSleeper() {
        Object m = monitor; // made before the first sleeper counted itself
        synchronized (m) {
            m.notify();
        }
    }

    private void lockContended() {
        for (int i = 0, pause = 1; i < SPINS; i += pause, pause = Math.min(pause << 1, longestPause)) {
            for (int j = 0; j < pause; j++) Thread.onSpinWait();
            if (state == UNLOCKED && STATE.compareAndSet(this, UNLOCKED, LOCKED)) return;
        }
        Object m = monitor();
        boolean interrupted = false;
        synchronized (m) {
            // Counted before the attempt that decides to sleep, and the release that could wake this thread needs
            // the monitor to notify: it notifies after the wait has begun, or it read the count too early (see the
            // class comment) and the timed wait covers it.
            sleepers++;
            try {
                while (!STATE.compareAndSet(this, UNLOCKED, LOCKED)) {
                    try {
                        m.wait(RECHECK_MILLIS);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                sleepers--;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private Object monitor() {
        Object m = monitor;
        if (m == null) {
            m = new Object();
            if (!MONITOR.compareAndSet(this, null, m)) m = monitor;
        }
        return m;
    }
}
