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
 * wait out nanoseconds. Sleepers wait on a monitor made on first need, and the state word says whether one may
 * be asleep, so that an uncontended release is one atomic operation and touches nothing else. (This is the
 * three-state mutex of Drepper's "Futexes Are Tricky", with a monitor for the futex.)
 *
 * <p>It is not reentrant and not fair, and acquiring it ignores interrupts (they stay set).
 */
abstract class ChanLock {
    private static final int UNLOCKED = 0;
    private static final int LOCKED = 1;
    /** Locked, and a thread may be asleep waiting for it: whoever releases it must wake one. */
    private static final int CONTENDED = 2;

    /**
     * How often {@link #lock()} checks a taken lock before it sleeps: as long as a goroutine spins for its partner.
     * A holder still there after that many checks was most likely descheduled; sooner, sleeping costs more than it
     * saves, since the sleeper must be woken through the monitor, and the lock stays marked contended meanwhile.
     */
    private static final int SPINS = Parker.MAX_SPINS;

    private static final VarHandle STATE, SLEEPERS;
    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(ChanLock.class, "state", int.class);
            SLEEPERS = l.findVarHandle(ChanLock.class, "sleepers", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int state;
    /** The monitor that sleepers wait on, made by the first one; private, so no other code can hold it. */
    private volatile Object sleepers;

    final void lock() {
        if (!STATE.compareAndSet(this, UNLOCKED, LOCKED)) lockContended();
    }

    /** Unlocks. ({@link Chan#unlock()} also lets the waiter it claimed run.) */
    final void releaseLock() {
        if ((int) STATE.getAndSet(this, UNLOCKED) == CONTENDED) {
            Object m = sleepers; // made before the state became CONTENDED
            synchronized (m) {
                m.notify();
            }
        }
    }

    private void lockContended() {
        for (int i = 0; i < SPINS; i++) {
            Thread.onSpinWait();
            if (state == UNLOCKED && STATE.compareAndSet(this, UNLOCKED, LOCKED)) return;
        }
        Object m = sleepersMonitor();
        boolean interrupted = false;
        synchronized (m) {
            // Marking the lock CONTENDED while holding the monitor means the holder's release, which needs the
            // monitor to notify, cannot happen between this check and the wait: no wake-up is lost. A thread
            // that takes the lock this way leaves it CONTENDED, so its own release wakes the next sleeper.
            while ((int) STATE.getAndSet(this, CONTENDED) != UNLOCKED) {
                try {
                    m.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private Object sleepersMonitor() {
        Object m = sleepers;
        if (m == null) {
            m = new Object();
            if (!SLEEPERS.compareAndSet(this, null, m)) m = sleepers;
        }
        return m;
    }
}
