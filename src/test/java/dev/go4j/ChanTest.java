package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.go4j.Go.*;
import static dev.go4j.Spawned.spawn;
import static dev.go4j.Spawned.spawnTask;
import static org.junit.jupiter.api.Assertions.*;

/** Channel semantics, point by point after the Go spec and Go's runtime/chan_test.go. */
@DisplayName("Channels")
class ChanTest {

    @Nested
    @DisplayName("unbuffered")
    class Unbuffered {
        @Test
        @DisplayName("a send blocks until a receiver takes the value")
        void sendBlocksUntilReceived() throws Throwable {
            Chan<String> c = chan();
            var sender = spawnTask(() -> c.send("hello")).awaitBlocked("chan send");
            assertFalse(sender.isDone());
            assertEquals("hello", c.recv());
            sender.join();
        }

        @Test
        @DisplayName("a receive blocks until a sender offers a value")
        void recvBlocksUntilSent() throws Throwable {
            Chan<Integer> c = chan();
            var receiver = spawn(c::recv).awaitBlocked("chan receive");
            c.send(42);
            assertEquals(42, receiver.join());
        }

        @Test
        @DisplayName("a goroutine's blocking sends and receives all wait in one waiter, which keeps no value alive")
        void blockingOperationsReuseOneWaiter() throws Throwable {
            Chan<String> c = chan();
            var g = spawn(() -> {
                List<Waiter> used = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    c.recv();
                    used.add(Goroutine.current().plainWaiter);
                }
                c.send("back");
                used.add(Goroutine.current().plainWaiter);
                return used;
            });
            awaitQueued(c, 0, 1);
            c.send("one");
            awaitQueued(c, 0, 1);
            c.send("two");
            awaitQueued(c, 1, 0);
            assertEquals("back", c.recv());
            List<Waiter> used = g.join();
            assertNotNull(used.get(0), "the first blocking operation made the goroutine's waiter");
            for (Waiter w : used) assertSame(used.get(0), w, "each blocking operation waited in the same waiter");
            assertNull(used.get(0).elem, "the waiter still holds a value after its operation");
        }

        /** Waits until {@code c} has that many senders and receivers queued. */
        private static void awaitQueued(Chan<?> c, int senders, int receivers) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (c.waiting()[0] != senders || c.waiting()[1] != receivers) {
                if (System.nanoTime() > deadline) fail("expected " + senders + " senders and " + receivers + " receivers queued on " + c);
                Thread.sleep(1);
            }
        }

        @Test
        @DisplayName("len and cap are 0")
        void lenAndCap() {
            Chan<Integer> c = chan();
            assertEquals(0, len(c));
            assertEquals(0, cap(c));
        }

        @Test
        @DisplayName("trySend fails when no receiver waits, and succeeds when one does")
        void trySend() throws Throwable {
            Chan<Integer> c = chan();
            assertFalse(c.trySend(1));
            var receiver = spawn(c::recv).awaitBlocked("chan receive");
            assertTrue(c.trySend(2));
            assertEquals(2, receiver.join());
        }

        @Test
        @DisplayName("tryRecv returns null when no sender waits")
        void tryRecvEmpty() {
            Chan<Integer> c = chan();
            assertNull(c.tryRecv());
        }
    }

    @Nested
    @DisplayName("buffered")
    class Buffered {
        @Test
        @DisplayName("waiters spin before parking on a small buffer, and not at all on a buffer of 16 or more")
        void spinning() {
            org.junit.jupiter.api.Assumptions.assumeTrue(Parker.MAX_SPINS > 0, "on one core nobody spins");
            assertTrue(chan(8).spins() > 0);
            Chan<Integer> big = chan(16);
            assertEquals(0, big.spins());
            go(() -> big.send(1));
            assertEquals(1, big.recv()); // waits, most likely, and whatever the wait teaches, it does not spin later
            assertEquals(0, big.spins());
        }

        @Test
        @DisplayName("values come out in the order they went in")
        void fifo() {
            Chan<Integer> c = chan(5);
            for (int i = 0; i < 5; i++) c.send(i);
            for (int i = 0; i < 5; i++) assertEquals(i, c.recv());
        }

        @Test
        @DisplayName("a send blocks only when the buffer is full")
        void sendBlocksOnlyWhenFull() throws Throwable {
            Chan<Integer> c = chan(2);
            c.send(1);
            c.send(2);
            assertEquals(2, len(c));
            var third = spawnTask(() -> c.send(3)).awaitBlocked("chan send");
            assertEquals(1, c.recv());
            third.join();
            assertEquals(2, c.recv());
            assertEquals(3, c.recv());
        }

        @Test
        @DisplayName("a receive blocks only when the buffer is empty")
        void recvBlocksOnlyWhenEmpty() throws Throwable {
            Chan<Integer> c = chan(1);
            var receiver = spawn(c::recv).awaitBlocked("chan receive");
            c.send(7);
            assertEquals(7, receiver.join());
        }

        @Test
        @DisplayName("len counts buffered values and cap is the size given")
        void lenAndCap() {
            Chan<String> c = chan(3);
            c.send("a");
            assertEquals(1, len(c));
            assertEquals(3, cap(c));
        }

        @Test
        @DisplayName("order is kept when senders wait on a full buffer")
        void fifoWithWaitingSenders() throws Throwable {
            Chan<Integer> c = chan(2);
            c.send(0);
            c.send(1);
            var s2 = spawnTask(() -> c.send(2)).awaitBlocked("chan send");
            var s3 = spawnTask(() -> c.send(3));
            s3.awaitBlocked("chan send");
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) got.add(c.recv());
            assertEquals(List.of(0, 1, 2, 3), got);
            s2.join();
            s3.join();
        }

        @Test
        @DisplayName("a negative capacity is rejected with Go's words")
        void negativeCapacity() {
            var e = assertThrows(IllegalArgumentException.class, () -> chan(-1));
            assertTrue(e.getMessage().contains("makechan: size out of range"), e.getMessage());
        }
    }

    @Nested
    @DisplayName("closed")
    class Closed {
        @Test
        @DisplayName("a receive drains the buffer, then yields the zero value with ok=false, forever")
        void drainsThenZero() {
            Chan<Integer> c = chan(2);
            c.send(1);
            c.send(2);
            close(c);
            assertEquals(new Received<>(1, true), c.recvOk());
            assertEquals(new Received<>(2, true), c.recvOk());
            for (int i = 0; i < 3; i++) {
                Received<Integer> r = c.recvOk();
                assertFalse(r.ok());
                assertNull(r.value());
            }
            assertNull(c.recv());
        }

        @Test
        @DisplayName("a send panics with \"send on closed channel\"")
        void sendPanics() {
            Chan<Integer> c = chan(1);
            close(c);
            assertEquals("send on closed channel", assertThrows(Panic.class, () -> c.send(1)).getMessage());
            assertEquals("send on closed channel", assertThrows(Panic.class, () -> c.trySend(1)).getMessage());
        }

        @Test
        @DisplayName("a sender already blocked when the channel is closed panics")
        void blockedSenderPanics() {
            Chan<Integer> c = chan();
            var sender = spawnTask(() -> c.send(1)).awaitBlocked("chan send");
            close(c);
            Throwable t = sender.failure();
            assertInstanceOf(Panic.class, t);
            assertEquals("send on closed channel", t.getMessage());
        }

        @Test
        @DisplayName("close wakes every blocked receiver with ok=false")
        void closeWakesAllReceivers() throws Throwable {
            Chan<Integer> c = chan();
            List<Spawned<Received<Integer>>> receivers = new ArrayList<>();
            for (int i = 0; i < 10; i++) receivers.add(spawn(c::recvOk).awaitBlocked("chan receive"));
            close(c);
            for (var r : receivers) assertEquals(Received.closed(), r.join());
        }

        @Test
        @DisplayName("closing twice panics with \"close of closed channel\"")
        void closeTwice() {
            Chan<Integer> c = chan();
            close(c);
            assertEquals("close of closed channel", assertThrows(Panic.class, () -> close(c)).getMessage());
        }

        @Test
        @DisplayName("tryRecv on a closed, drained channel reports ok=false instead of 'would block'")
        void tryRecvClosed() {
            Chan<Integer> c = chan();
            close(c);
            assertEquals(Received.closed(), c.tryRecv());
        }

        @Test
        @DisplayName("range receives until the channel is closed and drained")
        void range() {
            Chan<Integer> c = chan(3);
            go(() -> {
                for (int i = 0; i < 10; i++) c.send(i);
                close(c);
            });
            int sum = 0, n = 0;
            for (int v : c) {
                sum += v;
                n++;
            }
            assertEquals(10, n);
            assertEquals(45, sum);
        }
    }

    @Nested
    @DisplayName("nil")
    class Nil {
        @Test
        @DisplayName("a send blocks forever")
        void sendBlocks() {
            Chan<Integer> c = nilChan();
            var s = spawnTask(() -> c.send(1)).awaitBlocked("chan send (nil chan)");
            s.interrupt();
            assertInstanceOf(UncheckedInterruptedException.class, s.failure());
        }

        @Test
        @DisplayName("a receive blocks forever")
        void recvBlocks() {
            Chan<Integer> c = nilChan();
            var r = spawn(c::recv).awaitBlocked("chan receive (nil chan)");
            r.interrupt();
            assertInstanceOf(UncheckedInterruptedException.class, r.failure());
        }

        @Test
        @DisplayName("range over it blocks forever")
        void rangeBlocks() {
            Chan<Integer> c = nilChan();
            var r = spawnTask(() -> {
                for (int ignored : c) fail("a nil channel yields nothing");
            }).awaitBlocked("chan receive (nil chan)");
            r.interrupt();
            assertInstanceOf(UncheckedInterruptedException.class, r.failure());
        }

        @Test
        @DisplayName("closing it panics with \"close of nil channel\", as does closing null")
        void closePanics() {
            assertEquals("close of nil channel", assertThrows(Panic.class, () -> close(nilChan())).getMessage());
            assertEquals("close of nil channel", assertThrows(Panic.class, () -> close(null)).getMessage());
        }

        @Test
        @DisplayName("len and cap are 0, also for null")
        void lenCap() {
            assertEquals(0, len(nilChan()));
            assertEquals(0, cap(nilChan()));
            assertEquals(0, len((Chan<?>) null));
            assertEquals(0, cap((Chan<?>) null));
        }

        @Test
        @DisplayName("try-forms never succeed")
        void tryForms() {
            Chan<Integer> c = nilChan();
            assertFalse(c.trySend(1));
            assertNull(c.tryRecv());
        }
    }

    @Nested
    @DisplayName("values")
    class Values {
        @Test
        @DisplayName("null cannot be sent, with a message that says why")
        void nullRejected() {
            Chan<String> c = chan(1);
            var e = assertThrows(NullPointerException.class, () -> c.send(null));
            assertTrue(e.getMessage().contains("non-null"), e.getMessage());
            assertEquals(0, len(c));
        }

        @Test
        @DisplayName("with many senders and receivers every value is received exactly once")
        void exactlyOnce() throws Throwable {
            for (int capacity : new int[] {0, 1, 16}) {
                Chan<Integer> c = chan(capacity);
                int senders = 8, perSender = 5_000;
                var seen = ConcurrentHashMap.<Integer>newKeySet();
                AtomicInteger duplicates = new AtomicInteger();
                WaitGroup sent = new WaitGroup();
                for (int s = 0; s < senders; s++) {
                    int base = s * perSender;
                    sent.go(() -> {
                        for (int i = 0; i < perSender; i++) c.send(base + i);
                    });
                }
                WaitGroup received = new WaitGroup();
                for (int r = 0; r < 8; r++) {
                    received.go(() -> {
                        for (int v : c) if (!seen.add(v)) duplicates.incrementAndGet();
                    });
                }
                sent.await();
                close(c);
                received.await();
                assertEquals(0, duplicates.get(), "cap " + capacity);
                assertEquals(senders * perSender, seen.size(), "cap " + capacity);
            }
        }

        @Test
        @DisplayName("what a goroutine did before sending is visible to the receiver (happens-before)")
        void happensBefore() {
            for (int round = 0; round < 1_000; round++) {
                int[] box = new int[1];
                Chan<Boolean> done = chan();
                int expected = round;
                go(() -> {
                    box[0] = expected;
                    done.send(true);
                });
                done.recv();
                assertEquals(expected, box[0]);
            }
        }

        @Test
        @DisplayName("toString shows the name, the buffer and whether it is closed")
        void describe() {
            Chan<Integer> jobs = chan("jobs", 3);
            jobs.send(1);
            assertEquals("chan \"jobs\"(1/3 buffered)", jobs.toString());
            close(jobs);
            assertEquals("chan \"jobs\"(1/3 buffered, closed)", jobs.toString());
            assertEquals("chan(unbuffered)", chan().toString());
        }
    }
}
