package dev.go4j;

/**
 * The operations on a FIFO queue of {@link Waiter}s, linked through the waiters themselves so that a select can
 * remove its waiter from the middle in constant time. A queue is named by its first waiter (null when it is
 * empty), and its waiters form a ring: the first one's {@code prev} is the last one. So a channel keeps each of
 * its two queues in one field and they cost it no objects. Guarded by the owning channel's lock.
 */
final class WaitQueue {
    private WaitQueue() {}

    /** Appends {@code w} to the queue that starts at {@code first}; returns the queue's first waiter. */
    static Waiter add(Waiter first, Waiter w) {
        if (first == null) {
            w.prev = w.next = w;
            return w;
        }
        Waiter last = first.prev;
        w.prev = last;
        w.next = first;
        last.next = w;
        first.prev = w;
        return first;
    }

    /** Puts {@code w} first in the queue that starts at {@code first}; returns the queue's first waiter, {@code w}. */
    static Waiter addFirst(Waiter first, Waiter w) {
        add(first, w); // in a ring, the waiter after the last one is the first
        return w;
    }

    /** Removes {@code w}, which the queue that starts at {@code first} holds; returns the queue's first waiter. */
    static Waiter remove(Waiter first, Waiter w) {
        Waiter next = w.next;
        if (next == w) {
            first = null;
        } else {
            w.prev.next = next;
            next.prev = w.prev;
            if (first == w) first = next;
        }
        w.prev = w.next = null;
        return first;
    }

    /** Whether {@code w} is in a queue. */
    static boolean holds(Waiter w) {
        return w.next != null;
    }

    /** How many waiters the queue that starts at {@code first} holds, for diagnostics. */
    static int size(Waiter first) {
        if (first == null) return 0;
        int n = 1;
        for (Waiter w = first.next; w != first; w = w.next) n++;
        return n;
    }
}
