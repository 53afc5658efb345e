package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.go4j.Go.*;
import static dev.go4j.Spawned.spawnTask;
import static org.junit.jupiter.api.Assertions.*;

/** The time package's contracts, after Go's time documentation (Go 1.23 timer rules). */
@DisplayName("time")
class TimeTest {

    @Nested
    @DisplayName("sleep")
    class Sleep {
        @Test
        @DisplayName("pauses for at least the duration")
        void pauses() {
            long start = System.nanoTime();
            sleep(millis(20));
            assertTrue(System.nanoTime() - start >= millis(20).toNanos());
        }

        @Test
        @DisplayName("zero or negative durations return at once")
        void nonPositive() {
            sleep(millis(0));
            sleep(millis(-5));
        }

        @Test
        @DisplayName("a sleeping goroutine is marked as sleeping, not blocked on a channel")
        void markedSleeping() {
            var g = spawnTask(() -> sleep(seconds(30))).awaitBlocked("sleep");
            g.interrupt();
            assertInstanceOf(UncheckedInterruptedException.class, g.failure());
        }
    }

    @Nested
    @DisplayName("Timer and after")
    class Timers_ {
        @Test
        @DisplayName("after delivers the time once, no earlier than the duration")
        void after_() {
            Instant start = Instant.now();
            RecvChan<Instant> c = after(millis(20));
            Instant fired = c.recv();
            assertFalse(fired.isBefore(start.plusMillis(20)));
            assertNull(c.tryRecv(), "only one value");
        }

        @Test
        @DisplayName("a negative duration fires at once")
        void negative() {
            assertNotNull(newTimer(millis(-1)).C.recv());
        }

        @Test
        @DisplayName("stop on an active timer returns true, and nothing is delivered afterwards")
        void stopActive() {
            Timer t = newTimer(millis(30));
            assertTrue(t.stop());
            sleep(millis(60));
            assertNull(t.C.tryRecv());
        }

        @Test
        @DisplayName("stop after the timer fired returns false and drops the stale value (Go 1.23)")
        void stopFired() {
            Timer t = newTimer(millis(1));
            sleep(millis(30));
            assertFalse(t.stop());
            assertNull(t.C.tryRecv(), "no stale value after stop");
        }

        @Test
        @DisplayName("reset re-arms the timer")
        void reset() {
            Timer t = newTimer(seconds(60));
            assertTrue(t.reset(millis(10)));
            assertNotNull(t.C.recv());
        }

        @Test
        @DisplayName("afterFunc runs the function in its own goroutine")
        void afterFunc_() {
            Chan<String> done = chan();
            afterFunc(millis(5), () -> done.send(Thread.currentThread().isVirtual() ? "goroutine" : "platform"));
            assertEquals("goroutine", done.recv());
        }

        @Test
        @DisplayName("a stopped afterFunc never runs")
        void afterFuncStopped() {
            AtomicInteger ran = new AtomicInteger();
            Timer t = afterFunc(millis(20), ran::incrementAndGet);
            assertTrue(t.stop());
            sleep(millis(50));
            assertEquals(0, ran.get());
        }
    }

    @Nested
    @DisplayName("Ticker and tick")
    class Tickers {
        @Test
        @DisplayName("tick delivers the time again and again")
        void ticks() {
            RecvChan<Instant> c = tick(millis(5));
            Instant a = c.recv(), b = c.recv(), d = c.recv();
            assertTrue(a.isBefore(b) || a.equals(b));
            assertTrue(b.isBefore(d) || b.equals(d));
        }

        @Test
        @DisplayName("a slow receiver loses ticks rather than queueing them")
        void dropsTicks() {
            Ticker t = newTicker(millis(2));
            sleep(millis(50));
            assertEquals(1, len(t.C), "at most one tick waits");
            t.stop();
        }

        @Test
        @DisplayName("stop ends the ticks and drops one not yet received")
        void stop() {
            Ticker t = newTicker(millis(2));
            t.C.recv();
            t.stop();
            sleep(millis(20));
            assertNull(t.C.tryRecv());
        }

        @Test
        @DisplayName("reset changes the period")
        void reset() {
            Ticker t = newTicker(seconds(60));
            t.reset(millis(5));
            assertNotNull(t.C.recv());
            t.stop();
        }

        @Test
        @DisplayName("a non-positive period is rejected with Go's words")
        void nonPositive() {
            var e = assertThrows(IllegalArgumentException.class, () -> newTicker(millis(0)));
            assertTrue(e.getMessage().contains("non-positive interval"), e.getMessage());
        }
    }
}
