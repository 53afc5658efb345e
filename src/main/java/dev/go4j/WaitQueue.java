package dev.go4j;

import java.util.ArrayList;
import java.util.List;

/**
 * A FIFO queue of {@link Waiter}s, linked through the waiters themselves so that a select can remove its
 * waiter from the middle in constant time. Guarded by the owning channel's lock.
 */
final class WaitQueue {
    private Waiter first, last;

    boolean isEmpty() {
        return first == null;
    }

    void add(Waiter w) {
        w.queue = this;
        w.prev = last;
        if (last == null) first = w; else last.next = w;
        last = w;
    }

    /** Removes and returns the first waiter, or null. */
    Waiter poll() {
        Waiter w = first;
        if (w != null) remove(w);
        return w;
    }

    /** Removes {@code w} if this queue still holds it. */
    void remove(Waiter w) {
        if (w.queue != this) return;
        if (w.prev == null) first = w.next; else w.prev.next = w.next;
        if (w.next == null) last = w.prev; else w.next.prev = w.prev;
        w.prev = w.next = null;
        w.queue = null;
    }

    /** The waiters still waiting, oldest first, for diagnostics. */
    List<Waiter> snapshot() {
        List<Waiter> all = new ArrayList<>();
        for (Waiter w = first; w != null; w = w.next) all.add(w);
        return all;
    }
}
