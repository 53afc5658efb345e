package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.go4j.Go.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Many goroutines, many operations, random interrupts and closes: no value is lost or duplicated, and nobody
 * stays blocked on a closed channel. Sizes: {@link Sizes} (about a million channel operations here, tens of
 * millions in {@code ./go4j stress}).
 */
@Tag("stress")
@DisplayName("Channels under stress")
class ChannelStressTest {
    private static final int PRODUCERS = 8, CONSUMERS = 4;

    @Test
    @DisplayName("8 producers, 4 consumers, random interrupts and an early close, per round: every value received exactly once or its send failed")
    void exactlyOnceUnderInterruptsAndCloses() throws InterruptedException {
        int rounds = Sizes.pick(25, 300), perProducer = Sizes.pick(2_000, 4_000);
        long operations = 0;
        for (int r = 0; r < rounds; r++) operations += round(r, perProducer);
        assertTrue(operations >= (long) rounds * perProducer, "too few operations: " + operations);
        System.out.printf("exactly-once: %d rounds, %,d channel operations%n", rounds, operations);
    }

    /** One round on a fresh channel; returns how many sends and receives completed. */
    private long round(int round, int perProducer) throws InterruptedException {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        Chan<Long> c = chan("stressed", rnd.nextInt(4));
        Chan<Long> idle = chan("idle");
        Set<Long> delivered = ConcurrentHashMap.newKeySet(), failed = ConcurrentHashMap.newKeySet(), attempted = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong(), completed = new AtomicLong();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        WaitGroup producers = new WaitGroup(), consumers = new WaitGroup();
        AtomicBoolean closed = new AtomicBoolean();
        List<String> problems = new CopyOnWriteArrayList<>();
        long closeAfter = rnd.nextInt(4) == 0 ? Long.MAX_VALUE : rnd.nextLong((long) PRODUCERS * perProducer);

        for (int p = 0; p < PRODUCERS; p++) {
            long base = ((long) round << 40) | ((long) p << 32);
            int style = p % 3;
            producers.go(() -> {
                threads.add(Thread.currentThread());
                for (int i = 0; i < perProducer; i++) {
                    long v = base | i;
                    attempted.add(v);
                    try {
                        switch (style) {
                            case 0 -> c.send(v);
                            case 1 -> select(send(c, v), recv(idle));
                            default -> {
                                if (!c.trySend(v)) c.send(v);
                            }
                        }
                        completed.incrementAndGet();
                    } catch (UncheckedInterruptedException e) {
                        failed.add(v);
                    } catch (Panic e) {
                        if (!e.getMessage().equals("send on closed channel")) problems.add(e.toString());
                        failed.add(v);
                        return; // the channel is closed: nothing more can be sent
                    }
                }
            });
        }
        for (int k = 0; k < CONSUMERS; k++) {
            boolean selecting = k % 2 == 1;
            consumers.go(() -> {
                threads.add(Thread.currentThread());
                for (;;) {
                    try {
                        Received<Long> r;
                        if (selecting) {
                            Object[] got = {null};
                            select(recvOk(c, x -> got[0] = x), recv(idle), timeout(millis(50), () -> {}));
                            if (got[0] == null) continue; // timed out
                            r = (Received<Long>) got[0];
                        } else {
                            r = c.recvOk();
                        }
                        if (!r.ok()) return;
                        completed.incrementAndGet();
                        if (!delivered.add(r.value())) duplicates.incrementAndGet();
                        if (delivered.size() >= closeAfter && closed.compareAndSet(false, true)) close(c);
                    } catch (UncheckedInterruptedException e) {
                        // interrupted while waiting: nothing was taken; wait again
                    }
                }
            });
        }
        AtomicBoolean stop = new AtomicBoolean();
        Thread interrupter = Thread.ofVirtual().start(() -> {
            ThreadLocalRandom ir = ThreadLocalRandom.current();
            while (!stop.get()) {
                if (!threads.isEmpty()) threads.get(ir.nextInt(threads.size())).interrupt();
                for (int spin = ir.nextInt(200); spin > 0; spin--) Thread.onSpinWait();
                Thread.yield();
            }
        });
        producers.await();
        stop.set(true);
        interrupter.join();
        if (closed.compareAndSet(false, true)) close(c);
        awaitWithin(consumers, "consumers still blocked after the channel was closed: " + c);

        assertEquals(List.of(), problems);
        assertEquals(0, duplicates.get(), "values received twice");
        for (long v : attempted) {
            assertTrue(delivered.contains(v) ^ failed.contains(v),
                    () -> "value " + v + " was " + (delivered.contains(v) ? "delivered and its send failed" : "lost"));
        }
        assertEquals(attempted.size(), delivered.size() + failed.size(), "values appeared that nobody sent");
        assertArrayEquals(new int[] {0, 0}, c.waiting(), "waiters left on " + c);
        assertArrayEquals(new int[] {0, 0}, idle.waiting(), "waiters left on the idle channel");
        return completed.get();
    }

    /** Waits for the group's goroutines to finish, failing with a dump if they are still blocked after 20 seconds. */
    static void awaitWithin(WaitGroup wg, String why) {
        awaitWithin(wg, why, 20, true);
    }

    /** Waits for the group's goroutines to finish, failing if they are still blocked after {@code limit} seconds. */
    static void awaitWithin(WaitGroup wg, String why, int limit, boolean dump) {
        Chan<Boolean> finished = chan(1);
        go(() -> {
            wg.await();
            finished.send(true);
        });
        AtomicBoolean timedOut = new AtomicBoolean();
        select(recv(finished), timeout(seconds(limit), () -> timedOut.set(true)));
        if (timedOut.get()) fail(why + (dump ? "\n" + Program.dumpAll() : ""));
    }

    @Test
    @DisplayName("a sender and a receiver that take turns on two channels, each waiting again the moment its partner claims it: every value arrives once, in order")
    void turnsOnTwoChannels() throws Throwable {
        int n = Sizes.pick(200_000, 5_000_000);
        // A waiter still spinning when its partner claims it returns at once and waits again, on the other channel, in
        // the same waiter object: the partner must have read the value it offered before claiming it.
        Chan<Integer> a = chan("a"), b = chan("b");
        var sender = Spawned.spawnTask(() -> {
            for (int i = 0; i < n; i++) {
                a.send(i);
                b.send(-i);
            }
        });
        var receiver = Spawned.spawn(() -> {
            for (int i = 0; i < n; i++) {
                int x = a.recv(), y = b.recv();
                if (x != i || y != -i) return "value " + i + " arrived as " + x + " on a and " + y + " on b";
            }
            return null;
        });
        assertNull(receiver.join());
        sender.join();
        assertArrayEquals(new int[] {0, 0}, a.waiting(), "waiters left on a");
        assertArrayEquals(new int[] {0, 0}, b.waiting(), "waiters left on b");
    }

    @Test
    @DisplayName("goroutines blocked in receives, sends and selects on a channel are all released when it closes")
    void closeReleasesEveryone() {
        int rounds = Sizes.pick(200, 2_000), each = 30;
        for (int r = 0; r < rounds; r++) {
            Chan<Integer> c = chan(r % 3);
            for (int i = 0; i < c.cap(); i++) c.send(i); // full: senders wait too
            Chan<Integer> other = chan();
            WaitGroup wg = new WaitGroup();
            AtomicInteger closedSeen = new AtomicInteger();
            List<String> problems = new CopyOnWriteArrayList<>();
            int receivers = 0;
            for (int i = 0; i < each; i++) {
                int kind = i % 4;
                if (kind >= 2) receivers++;
                wg.go(() -> {
                    try {
                        switch (kind) {
                            case 0 -> c.send(1);
                            case 1 -> select(send(c, 2), recv(other));
                            case 2 -> {
                                while (c.recvOk().ok()) { }
                                closedSeen.incrementAndGet();
                            }
                            default -> {
                                boolean[] open = {true};
                                while (open[0]) select(recvOk(c, x -> open[0] = x.ok()), recv(other));
                                closedSeen.incrementAndGet();
                            }
                        }
                    } catch (Panic p) {
                        if (!p.getMessage().equals("send on closed channel")) problems.add(p.toString());
                    }
                });
            }
            if (r % 2 == 0) Thread.yield(); else sleep(micros(50));
            close(c);
            awaitWithin(wg, "goroutines still blocked on a closed channel: " + c);
            assertEquals(List.of(), problems);
            assertEquals(receivers, closedSeen.get(), "every receiver saw the close");
            assertArrayEquals(new int[] {0, 0}, c.waiting());
            assertArrayEquals(new int[] {0, 0}, other.waiting());
        }
    }
}
