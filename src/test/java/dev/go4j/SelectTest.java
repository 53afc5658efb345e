package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.go4j.Go.*;
import static dev.go4j.Spawned.spawn;
import static dev.go4j.Spawned.spawnTask;
import static org.junit.jupiter.api.Assertions.*;

/** Select semantics, after the Go spec's "Select statements" and Go's runtime tests. */
@DisplayName("Select")
class SelectTest {

    /**
     * Pearson's chi-square statistic for counts that should be uniform. For k categories it follows a
     * chi-square law with k-1 degrees of freedom when the choice is uniform.
     */
    static double chiSquare(int[] counts) {
        long total = 0;
        for (int c : counts) total += c;
        double expected = (double) total / counts.length;
        double x2 = 0;
        for (int c : counts) x2 += (c - expected) * (c - expected) / expected;
        return x2;
    }

    @Nested
    @DisplayName("choosing")
    class Choosing {
        @Test
        @DisplayName("among several ready cases, each is chosen uniformly at random (chi-square, p < 1e-6 to fail)")
        void uniformAmongReady() {
            int k = 4, trials = 40_000;
            List<Chan<Integer>> chans = new ArrayList<>();
            for (int i = 0; i < k; i++) chans.add(chan(1));
            int[] counts = new int[k];
            Case[] cases = new Case[k];
            for (int i = 0; i < k; i++) cases[i] = recv(chans.get(i));
            for (int t = 0; t < trials; t++) {
                for (Chan<Integer> c : chans) c.trySend(t); // refill: every case is ready
                counts[select(cases)]++;
            }
            // 3 degrees of freedom: P(X2 > 32.9) is about 3.4e-7 for a uniform choice.
            double x2 = chiSquare(counts);
            assertTrue(x2 < 32.9, "counts " + java.util.Arrays.toString(counts) + " are not uniform: X2=" + x2);
            // A select biased to the first ready case (as jox and Kotlin are) fails this badly:
            assertTrue(chiSquare(new int[] {trials, 0, 0, 0}) > 32.9);
        }

        @Test
        @DisplayName("ready send cases are chosen uniformly too")
        void uniformAmongSends() {
            Chan<Integer> a = chan(1), b = chan(1);
            int[] counts = new int[2];
            for (int t = 0; t < 20_000; t++) {
                counts[select(send(a, 1), send(b, 2))]++;
                a.tryRecv();
                b.tryRecv();
            }
            // 1 degree of freedom: P(X2 > 24) is about 1e-6.
            assertTrue(chiSquare(counts) < 24, java.util.Arrays.toString(counts));
        }

        @Test
        @DisplayName("exactly one case commits: the other ready channels keep their values")
        void exactlyOneCommits() {
            Chan<Integer> a = chan(1), b = chan(1);
            Chan<Integer> out = chan(1);
            for (int t = 0; t < 1_000; t++) {
                a.send(1);
                b.send(2);
                int chosen = select(recv(a), recv(b), send(out, 3));
                int[] expected = switch (chosen) {
                    case 0 -> new int[] {0, 1, 0};
                    case 1 -> new int[] {1, 0, 0};
                    default -> new int[] {1, 1, 1};
                };
                assertArrayEquals(expected, new int[] {len(a), len(b), len(out)}, "only case " + chosen + " happened");
                a.tryRecv();
                b.tryRecv();
                out.tryRecv();
            }
        }

        @Test
        @DisplayName("returns the index of the chosen case and runs only its body")
        void runsChosenBody() {
            Chan<String> a = chan(1), b = chan(1);
            b.send("b");
            AtomicReference<String> got = new AtomicReference<>();
            int i = select(recv(a, v -> fail("not ready")), recv(b, got::set));
            assertEquals(1, i);
            assertEquals("b", got.get());
        }

        @Test
        @DisplayName("the same channel may appear in several cases")
        void sameChannelTwice() {
            Chan<Integer> c = chan(1);
            c.send(5);
            AtomicInteger got = new AtomicInteger();
            select(recv(c, got::set), recv(c, got::set));
            assertEquals(5, got.get());
            assertEquals(0, len(c));
        }
    }

    @Nested
    @DisplayName("default")
    class Default {
        @Test
        @DisplayName("with a default case, select never blocks")
        void defaultNeverBlocks() {
            Chan<Integer> c = chan();
            AtomicInteger ran = new AtomicInteger();
            int i = select(recv(c, v -> fail("nothing to receive")), send(c, 1), defaultCase(ran::incrementAndGet));
            assertEquals(2, i);
            assertEquals(1, ran.get());
        }

        @Test
        @DisplayName("a ready case wins over the default")
        void readyBeatsDefault() {
            Chan<Integer> c = chan(1);
            c.send(1);
            for (int t = 0; t < 100; t++) {
                c.trySend(1);
                assertEquals(0, select(recv(c), defaultCase()));
            }
        }

        @Test
        @DisplayName("two default cases are an error")
        void twoDefaults() {
            assertThrows(IllegalArgumentException.class, () -> select(defaultCase(), defaultCase()));
        }

        @Test
        @DisplayName("only nil channels plus a default runs the default")
        void nilPlusDefault() {
            assertEquals(2, select(recv(nilChan()), send(null, 1), defaultCase()));
        }
    }

    @Nested
    @DisplayName("blocking")
    class Blocking {
        @Test
        @DisplayName("with no case ready and no default, select waits for the first case that becomes ready")
        void waitsForFirst() throws Throwable {
            Chan<String> a = chan(), b = chan();
            var s = spawn(() -> {
                AtomicReference<String> got = new AtomicReference<>();
                select(recv(a, got::set), recv(b, got::set));
                return got.get();
            }).awaitBlocked("select");
            b.send("from b");
            assertEquals("from b", s.join());
        }

        @Test
        @DisplayName("a waiting send case delivers to a receiver that arrives")
        void waitingSend() throws Throwable {
            Chan<String> out = chan();
            Chan<String> never = chan();
            var s = spawn(() -> select(send(out, "hi"), recv(never))).awaitBlocked("select");
            assertEquals("hi", out.recv());
            assertEquals(0, s.join());
        }

        @Test
        @DisplayName("the cases not chosen leave no waiter behind on their channels")
        void noTraceAfterWaking() throws Throwable {
            Chan<Integer> a = chan(), b = chan();
            var s = spawn(() -> select(recv(a), recv(b), send(b, 9))).awaitBlocked("select");
            a.send(1);
            assertEquals(0, s.join());
            assertArrayEquals(new int[] {0, 0}, b.waiting(), "senders, receivers left on b");
            assertFalse(b.trySend(2), "no ghost receiver took the value");
            assertNull(b.tryRecv(), "no ghost sender offered a value");
        }

        @Test
        @DisplayName("only nil channels and no default: blocks forever")
        void nilOnlyBlocks() {
            Chan<Integer> nil = nilChan();
            var s = spawnTask(() -> select(recv(nil), send(nil, 1), recv(null))).awaitBlocked("select (nil chans only)");
            s.interrupt();
            assertInstanceOf(UncheckedInterruptedException.class, s.failure());
        }

        @Test
        @DisplayName("select with no cases blocks forever, like Go's select {}")
        void emptyBlocks() {
            var s = spawnTask(() -> select()).awaitBlocked("select (no cases)");
            s.interrupt();
            assertInstanceOf(UncheckedInterruptedException.class, s.failure());
        }

        @Test
        @DisplayName("closing a channel wakes a waiting receive case with ok=false")
        void closeWakesRecvCase() throws Throwable {
            Chan<Integer> a = chan(), b = chan();
            var s = spawn(() -> {
                AtomicReference<Received<Integer>> got = new AtomicReference<>();
                select(recvOk(a, got::set), recvOk(b, got::set));
                return got.get();
            }).awaitBlocked("select");
            close(b);
            assertEquals(Received.closed(), s.join());
        }

        @Test
        @DisplayName("closing the channel of a waiting send case panics with \"send on closed channel\"")
        void closeFailsSendCase() {
            Chan<Integer> a = chan();
            var s = spawnTask(() -> select(send(a, 1), recv(chan()))).awaitBlocked("select");
            close(a);
            assertEquals("send on closed channel", s.failure().getMessage());
        }

        @Test
        @DisplayName("a send case on an already closed channel panics, even with a default")
        void sendCaseOnClosedPanics() {
            Chan<Integer> a = chan();
            close(a);
            assertThrows(Panic.class, () -> select(send(a, 1), defaultCase()));
        }

        @Test
        @DisplayName("a receive case on a closed channel is always ready")
        void closedIsReady() {
            Chan<Integer> a = chan();
            close(a);
            AtomicReference<Received<Integer>> got = new AtomicReference<>();
            assertEquals(0, select(recvOk(a, got::set), defaultCase()));
            assertFalse(got.get().ok());
        }
    }

    @Nested
    @DisplayName("timeouts")
    class Timeouts {
        @Test
        @DisplayName("a timeout case happens when nothing else does")
        void timeoutFires() {
            Chan<Integer> c = chan();
            AtomicInteger fired = new AtomicInteger();
            assertEquals(1, select(recv(c), timeout(millis(20), fired::incrementAndGet)));
            assertEquals(1, fired.get());
        }

        @Test
        @DisplayName("a ready case beats a timeout, and the timeout's timer is stopped")
        void readyBeatsTimeout() {
            Chan<Integer> c = chan(1);
            int before = Timers.armed();
            for (int i = 0; i < 1_000; i++) {
                c.send(1);
                assertEquals(0, select(recv(c), timeout(seconds(60), () -> fail("timed out"))));
            }
            assertTrue(Timers.armed() < before + 10, "timers left armed: " + (Timers.armed() - before));
        }

        @Test
        @DisplayName("a select loop with timeouts on an idle channel leaves nothing behind")
        void noGrowthFromTimedOutSelects() {
            Chan<Integer> idle = chan();
            for (int i = 0; i < 200; i++) select(recv(idle), timeout(micros(50), () -> {}));
            assertArrayEquals(new int[] {0, 0}, idle.waiting());
        }

        @Test
        @DisplayName("a case on time.After's channel works as in Go")
        void afterChannel() {
            AtomicInteger which = new AtomicInteger(-1);
            select(recv(chan(), v -> which.set(0)), recv(after(millis(10)), t -> which.set(1)));
            assertEquals(1, which.get());
        }
    }
}
