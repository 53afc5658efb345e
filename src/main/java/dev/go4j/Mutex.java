package dev.go4j;

import java.util.ArrayDeque;

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
    private boolean locked;                                   // guarded by this
    private final ArrayDeque<Parker> waiters = new ArrayDeque<>(); // guarded by this

    /**
     * Locks the mutex, blocking until it is available. Go's {@code m.Lock()}.
     *
     * @throws UncheckedInterruptedException if interrupted while blocked; the lock was then not acquired
     */
    public void lock() {
        Goroutine.current(); // a lock holder must be known to go4j, or its waiters look deadlocked
        Parker p;
        synchronized (this) {
            if (!locked) {
                locked = true;
                return;
            }
            p = new Parker();
            waiters.add(p);
        }
        int outcome = p.await("sync.Mutex.Lock", this);
        if (outcome < 0) {
            synchronized (this) {
                waiters.remove(p);
            }
            throw p.failure(outcome);
        }
        // unlock() handed the lock to us: it is still marked locked.
    }

    /** Locks the mutex if it is free, without waiting. Go's {@code m.TryLock()}. */
    public synchronized boolean tryLock() {
        Goroutine.current(); // a lock holder must be known to go4j, or its waiters look deadlocked
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
        for (Parker next; (next = waiters.poll()) != null; ) {
            if (next.wake(0)) return; // handed over: stays locked
        }
        locked = false;
    }

    @Override
    public synchronized String toString() {
        return "Mutex(" + (locked ? "locked" : "unlocked") + ", waiting=" + waiters.size() + ")";
    }
}
