package dev.go4j;

/**
 * One goroutine waiting on one channel, in that channel's send or receive queue: Go's {@code sudog}.
 *
 * <p>A waiter is a {@link Parker}, but its wait ends through {@link #parker}: for a plain channel operation that
 * is the waiter itself, so the operation waits in a single object; a select has one waiter per channel case, and
 * all of them share the parker of the first, since only one case may happen.
 *
 * <p>Each goroutine has one waiter for its plain sends and receives, made on its first wait and reused by the next
 * ones, so that a blocking send or receive allocates nothing. That is safe because a plain operation never returns
 * while its waiter is queued: whoever ends its wait takes it out of its queue first, and a wait that fails takes it
 * out itself. A select's waiters can stay queued after it returns, so each select makes its own.
 *
 * <p>Its mutable fields ({@code elem} and the links) are guarded by the lock of the channel whose queue holds it.
 */
final class Waiter extends Parker {
    /** The parker through which this waiter's wait ends: this waiter, or the first waiter of its select. */
    final Parker parker;
    /**
     * Which case of a select this is (0 for a plain operation); outcomes are reported as {@code caseIndex << 1 |
     * closedBit}. A {@code char}, as Go's select keeps case numbers in 16 bits: a select has at most
     * {@link Select#MAX_CASES} cases.
     */
    final char caseIndex;
    /** Whether this waiter sends, and so sits in its channel's send queue; else it receives. */
    boolean sends;
    /** For a sender: the value to send. For a receiver: where the sender puts the value before waking it. */
    Object elem;
    /** The neighbours in the channel's queue (see {@link WaitQueue}), or null when not queued. */
    Waiter prev, next;

    /** The waiter of a plain send of {@code value}: the calling goroutine's own. */
    static Waiter sending(Object value) {
        return plain(true, value);
    }

    /** The waiter of a plain receive: the calling goroutine's own. */
    static Waiter receiving() {
        return plain(false, null);
    }

    private static Waiter plain(boolean sends, Object elem) {
        Goroutine g = Goroutine.current();
        Waiter w = g.plainWaiter;
        if (w == null) return g.plainWaiter = new Waiter(null, 0, sends, elem);
        w.rearm(); // its last operation returned, so no queue holds it
        w.sends = sends;
        w.elem = elem;
        return w;
    }

    /**
     * The waiter of case {@code caseIndex} of a select, whose wait ends through {@code shared}, the parker of the
     * select's first waiter; null for the first waiter itself, and for a plain operation's waiter (case 0).
     */
    Waiter(Parker shared, int caseIndex, boolean sends, Object elem) {
        this.parker = shared != null ? shared : this;
        this.caseIndex = (char) caseIndex;
        this.sends = sends;
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
