package dev.go4j;

/**
 * A mutual exclusion lock: Go's {@code sync.Mutex}.
 *
 * <p>As in Go, it is not tied to a goroutine: one goroutine may lock it and another unlock it, and it is not
 * reentrant: a goroutine that locks it twice without unlocking blocks forever.
 *
 * <p>Fairness, as in Go: waiters queue in the order they asked and are woken in that order, but a woken waiter
 * competes for the lock with goroutines that arrive meanwhile, and these often win, since they are already
 * running; this keeps a contended lock fast. A waiter that loses goes back to the front of the queue. Once a
 * waiter has waited more than 1 ms, the mutex turns "starving": {@code unlock} hands the lock straight to the
 * oldest waiter and newcomers queue behind, until the queue is empty.
 *
 * <p>Memory effects: everything done before {@code unlock()} happens-before the next {@code lock()} returns.
 */
public final class Mutex {
    /** How long a waiter waits before the mutex turns starving: Go's {@code starvationThresholdNs}. */
    private static final long STARVATION_NANOS = 1_000_000;
    /** A waiter's outcomes: try again (normal mode), or the lock is now yours (starving mode). */
    private static final int RETRY = 0, HANDED_OVER = 1;

    private boolean locked;                            // guarded by this
    private boolean starving;                          // guarded by this; implies locked
    private boolean wokenPending;                      // guarded by this: a woken waiter has not retried yet
    private final WaitList waiters = new WaitList();   // guarded by this

    /**
     * Locks the mutex, blocking until it is available. Go's {@code m.Lock()}.
     *
     * @throws UncheckedInterruptedException if interrupted while blocked; the lock was then not acquired
     */
    public void lock() {
        long waitingSince = 0;
        for (;;) {
            Parker p;
            synchronized (this) {
                Goroutine.current(); // a thread go4j did not start is known from here on: its waiters are not deadlocked
                boolean woken = waitingSince != 0;
                if (woken) wokenPending = false;
                if (!locked) {
                    locked = true;
                    return;
                }
                if (woken && System.nanoTime() - waitingSince > STARVATION_NANOS) starving = true;
                p = woken ? waiters.addFirst() : waiters.add();
            }
            if (waitingSince == 0) waitingSince = System.nanoTime();
            if (waiters.await(this, p, "sync.Mutex.Lock") == HANDED_OVER) return; // still marked locked: ours now
        }
    }

    /** Locks the mutex if it is free, without waiting. Go's {@code m.TryLock()}. */
    public synchronized boolean tryLock() {
        Goroutine.current();
        if (locked) return false;
        locked = true;
        return true;
    }

    /**
     * Unlocks the mutex and wakes the oldest waiter, if any, to try again; when starving, hands the lock to
     * that waiter instead. Go's {@code m.Unlock()}.
     *
     * @throws Panic "sync: unlock of unlocked mutex"
     */
    public void unlock() {
        Parker woken;
        synchronized (this) {
            if (!locked) throw new Panic("sync: unlock of unlocked mutex");
            woken = starving ? waiters.claimFirst(HANDED_OVER) : null;
            if (starving && (woken == null || waiters.isEmpty())) starving = false;
            if (woken == null) { // not handed over: free the lock, and wake a waiter to compete for it
                locked = false;
                if (!wokenPending) {
                    woken = waiters.claimFirst(RETRY);
                    wokenPending = woken != null;
                }
            }
        }
        if (woken != null) woken.release(); // outside the monitor, which the woken goroutine is about to take
    }

    @Override
    public synchronized String toString() {
        return "Mutex(" + (locked ? "locked" : "unlocked") + (starving ? ", starving" : "")
                + ", waiting=" + waiters.size() + ")";
    }
}
