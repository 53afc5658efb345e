package dev.go4j;

/**
 * A mutual exclusion lock: Go's {@code sync.Mutex}.
 *
 * <p>As in Go, it is not tied to a goroutine: one goroutine may lock it and another unlock it, and it is not
 * reentrant: a goroutine that locks it twice without unlocking blocks forever. Waiting goroutines get the lock
 * in the order they asked for it.
 *
 * <p>Memory effects: everything done before {@code unlock()} happens-before the next {@code lock()} returns.
 */
public final class Mutex {
    private boolean locked;                            // guarded by this
    private final WaitList waiters = new WaitList();   // guarded by this

    /**
     * Locks the mutex, blocking until it is available. Go's {@code m.Lock()}.
     *
     * @throws UncheckedInterruptedException if interrupted while blocked; the lock was then not acquired
     */
    public void lock() {
        Parker p;
        synchronized (this) {
            Goroutine.current(); // a thread go4j did not start is known from here on: its waiters are not deadlocked
            if (!locked) {
                locked = true;
                return;
            }
            p = waiters.add();
        }
        waiters.await(this, p, "sync.Mutex.Lock");
        // unlock() handed the lock to us: it is still marked locked.
    }

    /** Locks the mutex if it is free, without waiting. Go's {@code m.TryLock()}. */
    public synchronized boolean tryLock() {
        Goroutine.current();
        if (locked) return false;
        locked = true;
        return true;
    }

    /**
     * Unlocks the mutex, handing it to the longest-waiting goroutine if there is one. Go's {@code m.Unlock()}.
     *
     * @throws Panic "sync: unlock of unlocked mutex"
     */
    public synchronized void unlock() {
        if (!locked) throw new Panic("sync: unlock of unlocked mutex");
        if (!waiters.wakeFirst()) locked = false; // else handed over: it stays locked
    }

    @Override
    public synchronized String toString() {
        return "Mutex(" + (locked ? "locked" : "unlocked") + ", waiting=" + waiters.size() + ")";
    }
}
