package dev.go4j;

/**
 * One goroutine waiting on one channel, in that channel's send or receive queue: Go's {@code sudog}.
 * A plain channel operation has one waiter; a select has one per channel case, all sharing one {@link Parker}.
 *
 * <p>All fields but {@code parker} and {@code caseIndex} are guarded by the lock of the channel whose queue
 * holds the waiter.
 */
final class Waiter {
    final Parker parker;
    /** Which case of a select this is (0 for a plain operation); outcomes are reported as {@code caseIndex << 1 | closedBit}. */
    final int caseIndex;
    /** For a sender: the value to send. For a receiver: where the sender puts the value before waking it. */
    Object elem;
    Waiter prev, next;
    /** The queue holding this waiter, or null once it is dequeued. */
    WaitQueue queue;

    Waiter(Parker parker, int caseIndex, Object elem) {
        this.parker = parker;
        this.caseIndex = caseIndex;
        this.elem = elem;
    }

    /** The outcome that says this waiter's case completed; with {@code closed}, that it completed because the channel closed. */
    int outcome(boolean closed) {
        return caseIndex << 1 | (closed ? 1 : 0);
    }

    static int caseOf(int outcome) {
        return outcome >> 1;
    }

    static boolean closedIn(int outcome) {
        return (outcome & 1) != 0;
    }
}
