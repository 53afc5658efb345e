package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.go4j.Go.*;
import static dev.go4j.Spawned.spawn;
import static dev.go4j.Spawned.spawnTask;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Go has no interrupts, Java does: a goroutine interrupted while blocked must leave the channel as if it had
 * never come. No value lost, none duplicated, no phantom value or waiter.
 */
@DisplayName("Interrupting a blocked goroutine")
class InterruptTest {
    @Test
    @DisplayName("an interrupted sender's value is never delivered")
    void sender() throws Throwable {
        Chan<String> c = chan();
        var s = spawnTask(() -> c.send("ghost")).awaitBlocked("chan send");
        s.interrupt();
        assertInstanceOf(UncheckedInterruptedException.class, s.failure());
        assertArrayEquals(new int[] {0, 0}, c.waiting());
        assertNull(c.tryRecv(), "the interrupted send left no value behind");
        go(() -> c.send("real"));
        assertEquals("real", c.recv());
    }

    @Test
    @DisplayName("an interrupted receiver takes nothing: the next value goes to the next receiver")
    void receiver() throws Throwable {
        Chan<String> c = chan();
        var r = spawn(c::recv).awaitBlocked("chan receive");
        r.interrupt();
        assertInstanceOf(UncheckedInterruptedException.class, r.failure());
        assertFalse(c.trySend("lost?"), "no receiver is waiting any more");
        var r2 = spawn(c::recv).awaitBlocked("chan receive");
        c.send("kept");
        assertEquals("kept", r2.join());
    }

    @Test
    @DisplayName("an interrupted select leaves no waiter on any of its channels")
    void select_() {
        Chan<Integer> a = chan(), b = chan();
        var s = spawnTask(() -> select(recv(a), send(b, 1))).awaitBlocked("select");
        s.interrupt();
        assertInstanceOf(UncheckedInterruptedException.class, s.failure());
        assertArrayEquals(new int[] {0, 0}, a.waiting());
        assertArrayEquals(new int[] {0, 0}, b.waiting());
        assertFalse(a.trySend(1));
        assertNull(b.tryRecv());
    }

    @Test
    @DisplayName("under a storm of interrupts every value is received exactly once or its send fails")
    void storm() throws Throwable {
        Chan<Integer> c = chan(2);
        int senders = 20, perSender = 500;
        Set<Integer> delivered = java.util.Collections.synchronizedSet(new HashSet<>());
        Set<Integer> failed = java.util.Collections.synchronizedSet(new HashSet<>());
        List<Thread> threads = new ArrayList<>();
        WaitGroup wg = new WaitGroup();
        for (int s = 0; s < senders; s++) {
            int base = s * perSender;
            wg.add(1);
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < perSender; i++) {
                        try {
                            c.send(base + i);
                        } catch (UncheckedInterruptedException e) {
                            failed.add(base + i);
                        }
                    }
                } finally {
                    wg.done();
                }
            }));
        }
        List<Integer> received = java.util.Collections.synchronizedList(new ArrayList<>());
        Chan<Boolean> receiversDone = chan(4);
        for (int r = 0; r < 4; r++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (;;) {
                    try {
                        Integer v = c.recv();
                        if (v == null) break;
                        received.add(v);
                    } catch (UncheckedInterruptedException e) {
                        // interrupted while waiting: nothing was taken; keep receiving
                    }
                }
                receiversDone.send(true);
            }));
        }
        go(() -> {
            var rnd = java.util.concurrent.ThreadLocalRandom.current();
            for (int i = 0; i < 3_000; i++) {
                threads.get(rnd.nextInt(threads.size())).interrupt();
                Thread.yield();
            }
        });
        wg.await();
        close(c);
        for (int r = 0; r < 4; r++) receiversDone.recv();
        delivered.addAll(received);
        assertEquals(received.size(), delivered.size(), "a value was received twice");
        for (int v = 0; v < senders * perSender; v++) {
            assertTrue(delivered.contains(v) ^ failed.contains(v), "value " + v + " was " +
                    (delivered.contains(v) ? "both delivered and failed" : "lost"));
        }
    }
}
