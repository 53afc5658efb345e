package dev.go4j;

import java.util.ArrayDeque;

/**
 * The goroutines waiting for a sync primitive ({@link Mutex}, {@link RWMutex}, {@link WaitGroup}), oldest
 * first. It is guarded by the primitive's monitor: {@link #add()} and the wake methods are called while holding
 * it, {@link #await} without.
 */
final class WaitList {
    private final ArrayDeque<Parker> waiters = new ArrayDeque<>();

    /** Registers the calling goroutine as a waiter; then release the monitor and call {@link #await}. */
    Parker add() {
        Parker p = new Parker();
        waiters.add(p);
        return p;
    }

    /** Like {@link #add()}, but first in line: for a waiter that was woken and has to wait again. */
    Parker addFirst() {
        Parker p = new Parker();
        waiters.addFirst(p);
        return p;
    }

    /**
     * Waits until {@code p} is woken, and returns the outcome its waker gave. If the wait fails instead (an
     * interrupt, a deadlock), takes {@code owner}'s monitor, removes {@code p}, runs {@code afterGivingUp} there,
     * and throws.
     */
    int await(Object owner, Parker p, String status, Runnable afterGivingUp) {
        int outcome = p.await(status, owner);
        if (outcome >= 0) return outcome;
        synchronized (owner) {
            waiters.remove(p);
            afterGivingUp.run();
        }
        throw p.failure(outcome);
    }

    /** {@link #await(Object, Parker, String, Runnable)} with nothing to do after giving up. */
    int await(Object owner, Parker p, String status) {
        return await(owner, p, status, () -> {});
    }

    /** Wakes the oldest waiter that is still waiting; returns false if there was none. */
    boolean wakeFirst() {
        for (Parker p; (p = waiters.poll()) != null; ) {
            if (p.wake(0)) return true;
        }
        return false;
    }

    /**
     * Ends the wait of the oldest waiter that is still waiting with {@code outcome} (≥ 0), and returns it, or null
     * if there was none. The caller {@link Parker#release() releases} it once it no longer holds the monitor, so
     * that the woken goroutine does not run straight into it.
     */
    Parker claimFirst(int outcome) {
        for (Parker next; (next = waiters.poll()) != null; ) {
            if (next.claim(outcome) != Parker.LOST) return next;
        }
        return null;
    }

    /** Wakes every waiter; returns how many were still waiting. */
    int wakeAll() {
        int n = 0;
        for (Parker p; (p = waiters.poll()) != null; ) if (p.wake(0)) n++;
        return n;
    }

    boolean isEmpty() {
        return waiters.isEmpty();
    }

    int size() {
        return waiters.size();
    }
}
