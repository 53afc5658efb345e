package dev.go4j.check;

import static dev.go4j.Go.chan;
import static dev.go4j.Go.close;
import static dev.go4j.Go.defaultCase;
import static dev.go4j.Go.go;
import static dev.go4j.Go.millis;
import static dev.go4j.Go.recv;
import static dev.go4j.Go.select;
import static dev.go4j.Go.sleep;
import static dev.go4j.Go.timeout;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.go4j.Chan;
import dev.go4j.RecvChan;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@DisplayName("The concurrency-aware checks")
class ConcurrencyChecksTest {

    static <T> RecvChan<T> goodFanIn(RecvChan<T> a, RecvChan<T> b) {
        Chan<T> out = chan();
        go(() -> { for (var v : a) out.send(v); });
        go(() -> { for (var v : b) out.send(v); });
        return out;
    }

    static <T> RecvChan<T> sequentialFanIn(RecvChan<T> a, RecvChan<T> b) {
        Chan<T> out = chan();
        go(() -> {
            while (true) {
                out.send(a.recv());
                out.send(b.recv());
            }
        });
        return out;
    }

    @Nested
    @DisplayName("fan-in")
    class FanIn {
        @Test
        @DisplayName("passes a fan-in with a goroutine per input")
        void good() {
            assertDoesNotThrow(() -> FanInCheck.assertInterleaves(ConcurrencyChecksTest::goodFanIn));
            assertDoesNotThrow(() -> FanInCheck.assertMergesAll(ConcurrencyChecksTest::goodFanIn, 100));
        }

        @Test
        @DisplayName("catches a fan-in that reads its inputs in turn, though it merges busy inputs right")
        void sequential() {
            var e = assertThrows(AssertionFailedError.class, () -> FanInCheck.assertInterleaves(ConcurrencyChecksTest::sequentialFanIn));
            assertTrue(e.getMessage().contains("waits for the first input before it reads the second"), e.getMessage());
        }
    }

    @Nested
    @DisplayName("channels")
    class Channels_ {
        @Test
        @DisplayName("a generator that closes its channel passes; one that forgets fails with why")
        void closing() {
            Chan<Integer> closed = chan(3);
            closed.send(1);
            closed.send(2);
            close(closed);
            assertDoesNotThrow(() -> Channels.assertYieldsThenCloses(closed, List.of(1, 2)));
            Chan<Integer> open = chan(3);
            open.send(1);
            var e = assertThrows(AssertionFailedError.class, () -> Channels.assertYieldsThenCloses(open, List.of(1)));
            assertTrue(e.getMessage().contains("it was still open after 2 s"), e.getMessage());
        }
    }

    @Nested
    @DisplayName("goroutine leaks")
    class Leaks {
        @Test
        @DisplayName("are found, with what the leaked goroutine waits on")
        void leak() {
            Chan<Integer> nobodyReads = chan();
            var e = assertThrows(AssertionFailedError.class, () -> GoroutineLeaks.assertNoLeak("the body", () -> go(() -> nobodyReads.send(1))));
            assertTrue(e.getMessage().startsWith("the body: 1 goroutine is still alive after it finished:\n  goroutine "), e.getMessage());
            assertTrue(e.getMessage().contains("(waiting in a channel send (Chan."), e.getMessage());
            nobodyReads.recv(); // let it end
        }

        @Test
        @DisplayName("are found by name when the leaked goroutine has one")
        void namedLeak() {
            Chan<Integer> nobodyReads = chan();
            var e = assertThrows(AssertionFailedError.class,
                    () -> GoroutineLeaks.assertNoLeak("the body", () -> go("reader", () -> nobodyReads.recv())));
            assertTrue(e.getMessage().contains("\n  goroutine ") && e.getMessage().contains(" \"reader\" (waiting in a channel receive (Chan.recv))"),
                    e.getMessage());
            nobodyReads.send(1); // let it end
        }

        @Test
        @DisplayName("are not reported for goroutines that end soon after")
        void noLeak() {
            assertDoesNotThrow(() -> GoroutineLeaks.assertNoLeak("the body", () -> go(() -> sleep(millis(30)))));
        }
    }

    @Nested
    @DisplayName("busy waiting")
    class BusyWait {
        @Test
        @DisplayName("a select with a default case in a loop is caught")
        void spinning() {
            Chan<String> silent = chan();
            var e = assertThrows(AssertionFailedError.class, () -> BusyWaitCheck.assertWaitsWithoutSpinning("polling", () -> {
                // A second: the check says nothing about a wait it saw fewer than 10 times, and a busy machine
                // can keep the sampling thread from looking every 5 ms.
                long end = System.nanoTime() + 1_000_000_000L;
                AtomicReference<String> got = new AtomicReference<>();
                while (System.nanoTime() < end && got.get() == null) select(recv(silent, got::set), defaultCase());
                return got.get();
            }));
            assertTrue(e.getMessage().startsWith("polling: busy waiting"), e.getMessage());
        }

        @Test
        @DisplayName("a select that blocks with a timeout passes")
        void blocking() throws Exception {
            Chan<String> silent = chan();
            String got = BusyWaitCheck.assertWaitsWithoutSpinning("blocking", () -> {
                AtomicReference<String> r = new AtomicReference<>("timeout");
                select(recv(silent, r::set), timeout(millis(300), () -> {}));
                return r.get();
            });
            assertEquals("timeout", got);
        }
    }

    @Nested
    @DisplayName("pipeline stages")
    class Stages {
        private Function<Integer, Integer> slow(StageTimeline t, String name) {
            return t.stage(name, x -> {
                sleep(millis(5));
                return x + 1;
            });
        }

        @Test
        @DisplayName("that run one item at a time through both are caught")
        void sequential() {
            StageTimeline t = new StageTimeline();
            var a = slow(t, "a");
            var b = slow(t, "b");
            for (int i = 0; i < 5; i++) b.apply(a.apply(i));
            var e = assertThrows(AssertionFailedError.class, () -> t.assertOverlap("a", "b"));
            assertTrue(e.getMessage().contains("never worked at the same time"), e.getMessage());
        }

        @Test
        @DisplayName("connected by channels, each in its goroutine, overlap")
        void pipelined() {
            StageTimeline t = new StageTimeline();
            var a = slow(t, "a");
            var b = slow(t, "b");
            Chan<Integer> mid = chan();
            Chan<Integer> done = chan();
            go(() -> {
                for (int i = 0; i < 5; i++) mid.send(a.apply(i));
                close(mid);
            });
            go(() -> {
                for (var v : mid) b.apply(v);
                close(done);
            });
            done.recvOk();
            assertDoesNotThrow(() -> t.assertOverlap("a", "b"));
        }
    }
}
