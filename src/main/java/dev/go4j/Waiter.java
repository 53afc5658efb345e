package dev.go4j;

/**
 * One goroutine waiting on one channel, in that channel's send or receive queue: Go's {@code sudog}.
 *
 * <p>A waiter is a {@link Parker}, but its wait ends through {@link #parker}: for a plain channel operation that
 * is the waiter itself, so the operation waits in a single object; a select has one waiter per channel case, and
 * all of them share the parker of the first, since only one case may happen.
 *
 * <p>All fields but {@code parker} and {@code caseIndex} are guarded by the lock of the channel whose queue
 * holds the waiter.
 */
final class Waiter extends Parker {
    /** The parker through which this waiter's wait ends: this waiter, or the first waiter of its select. */
    final Parker parker;
    /** Which case of a select this is (0 for a plain operation); outcomes are reported as {@code caseIndex << 1 | closedBit}. */
    final int caseIndex;
    /** For a sender: the value to send. For a receiver: where the sender puts the value before waking it. */
    Object elem;
    Waiter prev, next;
    /** The queue holding this waiter, or null once it is dequeued. */
    WaitQueue queue;

    /** The waiter of a plain send ({@code elem} is the value) or receive ({@code elem} is null). */
    Waiter(Object elem) {
        this(null, 0, elem);
    }

    /**
     * The waiter of case {@code caseIndex} of a select, whose wait ends through {@code shared}, the parker of the
     * select's first waiter; null for the first waiter itself.
     */
    Waiter(Parker shared, int caseIndex, Object elem) {
        this.parker = shared != null ? shared : this;
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
