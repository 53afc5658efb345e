package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A queue of waiters: first in, first out, and a waiter can leave from anywhere in it. */
@DisplayName("Wait queue")
class WaitQueueTest {
    private static List<Waiter> contents(Waiter first) {
        List<Waiter> all = new ArrayList<>();
        if (first == null) return all;
        Waiter w = first;
        do {
            all.add(w);
            w = w.next;
        } while (w != first);
        return all;
    }

    @Test
    @DisplayName("keeps waiters in arrival order, and removes them from the front, middle and back")
    void fifoAndRemoval() {
        Waiter a = waiter(), b = waiter(), c = waiter(), d = waiter();
        Waiter q = null;
        for (Waiter w : List.of(a, b, c, d)) q = WaitQueue.add(q, w);
        assertEquals(List.of(a, b, c, d), contents(q));
        assertEquals(4, WaitQueue.size(q));

        q = WaitQueue.remove(q, c); // middle
        assertEquals(List.of(a, b, d), contents(q));
        assertFalse(WaitQueue.holds(c));
        q = WaitQueue.remove(q, a); // front
        assertEquals(List.of(b, d), contents(q));
        q = WaitQueue.remove(q, d); // back
        assertEquals(List.of(b), contents(q));
        q = WaitQueue.add(q, a); // a removed waiter can queue again, at the back
        assertEquals(List.of(b, a), contents(q));
        q = WaitQueue.remove(q, b);
        q = WaitQueue.remove(q, a);
        assertNull(q);
        assertEquals(0, WaitQueue.size(q));
        for (Waiter w : List.of(a, b, c, d)) assertFalse(WaitQueue.holds(w));
    }

    @Test
    @DisplayName("puts a waiter first, ahead of those already queued, or alone in an empty queue")
    void addFirst() {
        Waiter a = waiter(), b = waiter(), c = waiter();
        Waiter q = WaitQueue.addFirst(null, a);
        assertEquals(List.of(a), contents(q));
        q = WaitQueue.add(q, b);
        q = WaitQueue.addFirst(q, c);
        assertEquals(List.of(c, a, b), contents(q));
        assertSame(b, q.prev, "the last waiter is still last");
        q = WaitQueue.remove(q, c);
        assertEquals(List.of(a, b), contents(q));
    }

    /** A waiter of its own, as a select makes them: a goroutine's plain operations share one. */
    private static Waiter waiter() {
        return new Waiter(null, 0, false, null);
    }
}
