package dev.go4j;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The one place where a goroutine waits for a go4j operation: every blocking channel operation, select, and
 * sync primitive parks here, and every wake-up goes through {@link #wake(int)} or {@link #claim(int)}. (The spinner
 * of an unbuffered channel spins in the channel's own fields first, and comes here only if it must park: see
 * {@link Chan}.)
 *
 * <p>A parker belongs to one goroutine and serves one wait at a time. Its state starts {@link #WAITING}; the waiter
 * moves it to {@link #PARKED} when it stops spinning and goes to sleep. It then ends exactly once, by a
 * compare-and-set, in an outcome (a non-negative number chosen by whoever wakes it), in {@link #CANCELLED}
 * (by the waiter itself, when interrupted), or in {@link #ABORTED} (by the deadlock detector). Whoever wins
 * that compare-and-set owns the operation: a waker that loses must not touch the waiter's operation, and a
 * waiter that loses to a waker must complete the operation even though it was interrupted, so that no value
 * is lost. A negative outcome means the operation did not happen: the waiter removes its registration and
 * throws {@link #failure(int)}.
 *
 * <p>Whoever ends a {@code PARKED} wait counts the goroutine as running again in its program, at that very
 * moment, as Go's {@code goready} does: a goroutine that was woken but has not run yet is never mistaken for
 * a blocked one. Because all waits pass through here, the goroutine's state ({@link Goroutine#blockedOn}) is
 * always known: this is what the deadlock detector and goroutine dumps read.
 *
 * <p>A channel operation's {@link Waiter} is itself a parker, so that its waker writes the value and ends the wait
 * in the same object. A goroutine's plain sends and receives all wait in the same waiter ({@link #rearm()}), as Go
 * caches its sudogs: a waiter that was still spinning may return, and wait again, the moment its claim succeeds. So
 * a claimer touches the parker no more after its compare-and-set, but to {@link #release()} one that was asleep,
 * and release reads nothing of the parker's state.
 */
class Parker {
    /** State while nobody has woken the waiter, and it still spins. */
    static final int WAITING = -1;
    /** State once the waiter gave up because it was interrupted. */
    static final int CANCELLED = -2;
    /** State once the waiter was told it can never be woken (a deadlock); {@link #failure(int)} says why. */
    static final int ABORTED = -3;
    /** State while nobody has woken the waiter, and it sleeps: it counts as blocked in its program. */
    static final int PARKED = -4;

    /**
     * The most a waiter spins before parking (each spin is one {@link Thread#onSpinWait}, some nanoseconds): a
     * partner running on another processor often answers within that time, and parking and waking a virtual
     * thread costs microseconds. Channels learn how much of it pays ({@link SpinBudget}); other waits spin
     * {@link #SPINS}. The system property {@code dev.go4j.spins} overrides it; model-checking tests set it to 0,
     * because a model checker treats a spin loop as endless and would never explore the parking path.
     */
    static final int MAX_SPINS = Integer.getInteger("dev.go4j.spins",
            Runtime.getRuntime().availableProcessors() > 1 ? 1024 : 0);
    /** How long waits other than a channel's spin. */
    static final int SPINS = Math.min(64, MAX_SPINS);

    private static final VarHandle STATE;
    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Parker.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What {@link #claim} did: nothing, since the wait had already ended. */
    static final int LOST = 0;
    /** What {@link #claim} did: ended the wait of a waiter still spinning, which sees its outcome by itself. */
    static final int WON = 1;
    /** What {@link #claim} did: ended the wait of a sleeping waiter, which runs once {@link #release() released}. */
    static final int WON_ASLEEP = 2;

    /**
     * Why each {@link #ABORTED} wait was aborted, from {@link #abort} until its waiter reads it. Only the waits of
     * threads that are not goroutines (a notebook cell's) are ever aborted, when their program deadlocks: a map for
     * those few keeps a field off every parker, which a waiting goroutine holds for as long as it waits.
     */
    private static final Map<Parker, Throwable> ABORT_CAUSES = new ConcurrentHashMap<>();

    /** A bit of {@link #waitBits}: the wait was let spin before parking (see await). */
    private static final byte COULD_SPIN = 1;
    /** A bit of {@link #waitBits}: the waiter stopped spinning and parked. */
    private static final byte SLEPT = 2;

    private final Goroutine goroutine = Goroutine.current();
    private volatile int state;
    private byte waitBits; // COULD_SPIN and SLEPT, for the wait in progress or the last one; only the waiter uses it

    /** A parker for a wait of the calling goroutine. */
    Parker() {
        // A plain write: a parker reaches other threads only after a release (a channel's or primitive's lock, the
        // volatile Goroutine.parker), so a volatile write would only add a fence to every wait.
        STATE.set(this, WAITING);
    }

    /**
     * Makes a parker whose wait ended ready for its goroutine's next wait. The caller must know that nobody can
     * claim it from its last wait any more: no queue holds it.
     */
    void rearm() {
        STATE.set(this, WAITING); // published like the constructor's write
        waitBits &= ~SLEPT;
    }

    /**
     * Completes the wait with {@code outcome} (≥ 0) and unparks the waiter, unless someone else completed or
     * cancelled it first. Writes made before a successful call are visible to the waiter when it returns.
     *
     * @return whether this call won, and so owns the waiter's operation
     */
    boolean wake(int outcome) {
        int claimed = claim(outcome);
        if (claimed == WON_ASLEEP) release();
        return claimed != LOST;
    }

    /**
     * Completes the wait like {@link #wake(int)}, but leaves a sleeping waiter asleep until {@link #release()}:
     * a waker that holds a channel's lock claims the waiter under it and releases it after unlocking, as Go's
     * chan.go calls {@code goready} after {@code unlock}, so the woken goroutine does not run into the lock.
     *
     * @return {@link #LOST}, {@link #WON}, or {@link #WON_ASLEEP}: then the caller must {@link #release()} it
     */
    int claim(int outcome) {
        for (int s; (s = state) == WAITING || s == PARKED; ) {
            if (STATE.compareAndSet(this, s, outcome)) {
                if (s == WAITING) return WON;
                goroutine.program.resumed(goroutine);
                return WON_ASLEEP;
            }
        }
        return LOST;
    }

    /**
     * Lets a waiter that this thread {@link #claim claimed} asleep run again. Called for a waiter that was still
     * spinning, it only leaves its thread a permit to park once without waiting, which every wait tolerates.
     */
    void release() {
        LockSupport.unpark(goroutine.thread);
        Goroutine waker = Goroutine.peek();
        if (waker != null && waker.spawned) waker.lastWoken = this; // see await
    }

    /** Wakes the waiter to fail with {@code why}, unless it was woken first. */
    boolean abort(Throwable why) {
        ABORT_CAUSES.put(this, why); // read by the waiter once it sees ABORTED
        if (wake(ABORTED)) return true;
        ABORT_CAUSES.remove(this);
        return false;
    }

    /** What a waiter whose wait ended with a negative {@code outcome} throws. */
    RuntimeException failure(int outcome) {
        if (outcome == ABORTED) {
            Throwable why = ABORT_CAUSES.remove(this);
            if (why instanceof Error e) throw e;
            return (RuntimeException) why;
        }
        return new UncheckedInterruptedException();
    }

    /** How many aborted waits have not yet read why: for tests. */
    static int abortCausesHeld() {
        return ABORT_CAUSES.size();
    }

    /** The goroutine that waits. */
    Goroutine goroutine() {
        return goroutine;
    }

    /** Whether the waiter is still waiting (nobody woke or cancelled it). */
    boolean isWaiting() {
        int s = state;
        return s == WAITING || s == PARKED;
    }

    /**
     * Waits until woken, and returns the outcome: non-negative if the operation happened; negative
     * ({@link #CANCELLED} if the thread was interrupted first, {@link #ABORTED}) if it did not, and then the
     * caller must undo its registration (remove its waiters) and throw {@link #failure(int)}.
     *
     * @param status  what the goroutine is doing, in the words of Go's goroutine dumps ("chan receive")
     * @param subject what it waits on (a channel, the cases of a select, a lock ...), for diagnostics
     */
    int await(String status, Object subject) {
        return await(status, subject, SPINS);
    }

    /**
     * {@link #await(String, Object)}, spinning up to {@code spinLimit} times before parking. A goroutine that
     * woke another which has not run yet yields first: the one woken is most likely queued on this goroutine's
     * carrier, and spinning would keep it from running there. It does not spin at all while its program is
     * {@link Program#crowded() crowded}.
     *
     * <p>There, a goroutine that has waited before yields once instead, then parks: one that waits again is most
     * likely in an exchange with a partner that is ready to run, and the partner often ends the wait during the
     * yield, which saves a park and a wake-up. A goroutine's first wait does not yield: in a daisy chain, each of the
     * 100 000 goroutines waits once, and yielding there too made the chain take 1.10 times as long.
     */
    int await(String status, Object subject, int spinLimit) {
        Goroutine g = goroutine;
        boolean woken = g.wokenOneQueued(), yieldIfCrowded = g.waited && !woken;
        if (!g.waited) g.waited = true;
        if (woken && state == WAITING) Thread.yield();
        if ((spinLimit > 0 || yieldIfCrowded) && g.program.crowded()) {
            spinLimit = 0;
            if (yieldIfCrowded && state == WAITING) Thread.yield();
        }
        waitBits = spinLimit > 0 ? COULD_SPIN : 0;
        int s;
        for (int i = 0; i < spinLimit; i++) {
            if ((s = state) != WAITING) return s;
            Thread.onSpinWait();
        }
        if (!STATE.compareAndSet(this, WAITING, PARKED)) return state; // woken while spinning
        waitBits |= SLEPT;
        boolean interruptedLate = false;
        g.block(this, status, subject);
        try {
            // The loop parks before its first look at the state, which was PARKED a moment ago: a wake-up since then
            // left its permit, so the park returns at once. Then the loop's only test follows a park. Code compiled
            // while many goroutines park and none has woken yet (a daisy chain being built) has seen no wait end; a
            // test made before the park would tell the compiler that waits never end, and every one of those
            // goroutines would deoptimize, one by one, as it woke.
            do {
                if (Thread.interrupted()) {
                    if (STATE.compareAndSet(this, PARKED, CANCELLED)) {
                        g.program.resumed(g);
                        return CANCELLED;
                    }
                    interruptedLate = true; // completed meanwhile: finish the operation, keep the interrupt
                } else {
                    LockSupport.park(this);
                }
            } while ((s = state) == PARKED);
        } finally {
            g.unblock();
        }
        if (interruptedLate) Thread.currentThread().interrupt();
        return s;
    }

    /** Whether the waiter had to park: its partner did not come while it spun. Read by the waiter after await. */
    boolean slept() {
        return (waitBits & SLEPT) != 0;
    }

    /**
     * Whether the wait was let spin at all: not with a limit of 0, nor while its program was crowded. Only such a
     * wait tells whether spinning pays. Read by the waiter after await.
     */
    boolean couldSpin() {
        return (waitBits & COULD_SPIN) != 0;
    }

    /**
     * Blocks the calling goroutine for good, as Go does for an operation on a nil channel or an empty
     * {@code select {}}. Only an interrupt ends it.
     */
    static void blockForever(String status, Object subject) {
        Parker p = new Parker();
        throw p.failure(p.await(status, subject));
    }
}
