package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import static dev.go4j.Go.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Deadlocks end a program at once with Go's words and a list of who waits on what; nothing that can still
 * make progress is ever called a deadlock.
 */
@DisplayName("Deadlock detection")
class DeadlockTest {
    static final Duration LIMIT = Duration.ofSeconds(20);

    static DeadlockError deadlockOf(Task main) {
        long start = System.nanoTime();
        DeadlockError e = assertThrows(DeadlockError.class, () -> Program.run(LIMIT, main));
        assertTrue(System.nanoTime() - start < LIMIT.toNanos() / 2, "detected at once, not by the time limit");
        assertTrue(e.getMessage().startsWith("fatal error: all goroutines are asleep - deadlock!\n\n"), e.getMessage());
        return e;
    }

    static void assertMentions(String report, String... parts) {
        for (String p : parts) assertTrue(report.contains(p), "expected «" + p + "» in:\n" + report);
    }

    @Nested
    @DisplayName("in a program, each shape is reported with who waits on what")
    class Shapes {
        @Test
        @DisplayName("unbuffered send with no receiver")
        void sendNoReceiver() {
            var e = deadlockOf(() -> {
                Chan<Integer> c = chan("numbers");
                c.send(1);
            });
            assertMentions(e.goroutines(), "goroutine", "\"main\" [chan send]",
                    "waiting to send on chan \"numbers\"(unbuffered): no receiver is ready",
                    "DeadlockTest"); // the learner's source line
        }

        @Test
        @DisplayName("the Tour's overfilled buffer: a third send into a buffer of two")
        void overfilledBuffer() {
            var e = deadlockOf(() -> {
                Chan<Integer> ch = chan(2);
                ch.send(1);
                ch.send(2);
                ch.send(3);
            });
            assertMentions(e.goroutines(), "[chan send]", "chan(2/2 buffered)", "the buffer is full");
        }

        @Test
        @DisplayName("range over a channel nobody closes")
        void rangeNeverClosed() {
            var e = deadlockOf(() -> {
                Chan<Integer> c = chan("jobs", 3);
                go("producer", () -> {
                    for (int i = 0; i < 3; i++) c.send(i);
                });
                for (int v : c) println(v);
            });
            assertMentions(e.goroutines(), "[chan receive]", "waiting to receive from chan \"jobs\"(0/3 buffered)");
        }

        @Test
        @DisplayName("a WaitGroup that is never done")
        void waitGroupNeverDone() {
            var e = deadlockOf(() -> {
                WaitGroup wg = new WaitGroup();
                wg.add(2);
                go(wg::done);
                wg.await();
            });
            assertMentions(e.goroutines(), "[sync.WaitGroup.Wait]", "WaitGroup(count=1");
        }

        @Test
        @DisplayName("a lock that is never unlocked")
        void lockNeverUnlocked() {
            var e = deadlockOf(() -> {
                Mutex mu = new Mutex();
                mu.lock();
                mu.lock();
            });
            assertMentions(e.goroutines(), "[sync.Mutex.Lock]", "Mutex(locked");
        }

        @Test
        @DisplayName("select over nil channels only")
        void selectNilOnly() {
            var e = deadlockOf(() -> select(recv(nilChan()), recv(null)));
            assertMentions(e.goroutines(), "[select (nil chans only)]");
        }

        @Test
        @DisplayName("select with no cases")
        void emptySelect() {
            var e = deadlockOf(() -> select());
            assertMentions(e.goroutines(), "[select (no cases)]", "select with no cases: blocks forever");
        }

        @Test
        @DisplayName("two goroutines waiting on each other")
        void waitingOnEachOther() {
            var e = deadlockOf(() -> {
                Chan<String> a = chan("a"), b = chan("b");
                go("left", () -> {
                    a.recv();
                    b.send("done");
                });
                b.recv();
                a.send("go");
            });
            assertMentions(e.goroutines(), "\"main\" [chan receive]", "from chan \"b\"",
                    "\"left\" [chan receive]", "from chan \"a\"");
        }

        @Test
        @DisplayName("a receive from a nil channel")
        void nilReceive() {
            var e = deadlockOf(() -> nilChan().recv());
            assertMentions(e.goroutines(), "[chan receive (nil chan)]", "receives from a nil channel");
        }

        @Test
        @DisplayName("the last goroutine that could have sent ends without sending")
        void lastSenderLeaves() {
            var e = deadlockOf(() -> {
                Chan<Integer> c = chan();
                go(() -> sleep(millis(20)));
                c.recv();
            });
            assertMentions(e.goroutines(), "[chan receive]");
        }
    }

    @Nested
    @DisplayName("never a false alarm")
    class NoFalseAlarm {
        @Test
        @DisplayName("while a goroutine sleeps before sending")
        void sleeper() {
            Program.run(LIMIT, () -> {
                Chan<Integer> c = chan();
                go(() -> {
                    sleep(millis(50));
                    c.send(1);
                });
                assertEquals(1, c.recv());
            });
        }

        @Test
        @DisplayName("while goroutines wait on a timer, a ticker or a context deadline")
        void timers() {
            Program.run(LIMIT, () -> {
                after(millis(30)).recv();
                Ticker t = newTicker(millis(10));
                t.C.recv();
                t.stop();
                try (CancelContext ctx = withTimeout(background(), millis(30))) {
                    ctx.done().recv();
                }
                select(recv(chan()), timeout(millis(30), () -> {}));
                Chan<Integer> c = chan();
                afterFunc(millis(30), () -> c.send(7));
                assertEquals(7, c.recv());
            });
        }

        @Test
        @DisplayName("while a goroutine computes")
        void computing() {
            Program.run(LIMIT, () -> {
                Chan<Long> c = chan();
                go(() -> {
                    long sum = 0;
                    for (long i = 0; i < 300_000_000L; i++) sum += i ^ (sum >>> 3);
                    c.send(sum);
                });
                assertNotNull(c.recv());
            });
        }

        @Test
        @DisplayName("while a goroutine does I/O")
        void io() throws IOException {
            try (ServerSocket server = new ServerSocket(0)) {
                Program.run(LIMIT, () -> {
                    Chan<Integer> c = chan();
                    go(() -> {
                        try (Socket s = server.accept()) {
                            c.send(s.getInputStream().read());
                        }
                    });
                    go(() -> {
                        sleep(millis(50));
                        try (Socket s = new Socket("localhost", server.getLocalPort())) {
                            s.getOutputStream().write(42);
                        }
                    });
                    assertEquals(42, c.recv());
                });
            }
        }

        @Test
        @DisplayName("while many goroutines hand values along a chain")
        void daisyChain() {
            Program.run(LIMIT, () -> {
                int n = 10_000;
                Chan<Integer> leftmost = chan();
                Chan<Integer> left = leftmost;
                for (int i = 0; i < n; i++) {
                    Chan<Integer> right = chan();
                    Chan<Integer> l = left;
                    go(() -> l.send(1 + right.recv()));
                    left = right;
                }
                Chan<Integer> rightmost = left;
                go(() -> rightmost.send(1));
                assertEquals(n + 1, leftmost.recv());
            });
        }
    }

    @Test
    @DisplayName("outside a program, nothing is reported unless a kernel asks for it: library code keeps Java's rules")
    void replUnwatched() throws Throwable {
        Chan<Integer> c = chan();
        var waiter = Spawned.spawnTask(() -> {
            Program.REPL.toString();
            c.recv();
        });
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                c.recv(); // a foreign thread waiting with every goroutine blocked: not watched, so no error
            } catch (UncheckedInterruptedException e) {
                // expected: the test stops it
            }
        });
        waiter.awaitBlocked("chan receive");
        sleep(millis(600));
        assertTrue(t.isAlive(), "the waiting thread was left waiting");
        t.interrupt();
        t.join();
        c.send(1);
        waiter.join();
    }

    @Nested
    @DisplayName("outside a program, when a notebook kernel watches for them")
    class Repl {
        @org.junit.jupiter.api.BeforeEach
        void watch() {
            Program.watchRepl(true);
        }

        @org.junit.jupiter.api.AfterEach
        void unwatch() {
            Program.watchRepl(false);
        }

        @Test
        @DisplayName("a thread that uses go4j only later is not taken for a deadlock")
        void lateThread() throws Exception {
            Chan<Integer> c = chan();
            Thread late = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(100); // not a go4j sleep: go4j does not know this thread yet
                } catch (InterruptedException e) {
                    return;
                }
                c.send(7);
            });
            assertEquals(7, c.recv());
            late.join();
        }

        @Test
        @DisplayName("the waiting thread gets the deadlock error")
        void replDeadlock() {
            Chan<Integer> c = chan("lonely");
            var e = assertThrows(DeadlockError.class, c::recv);
            assertMentions(e.getMessage(), "fatal error: all goroutines are asleep - deadlock!",
                    "waiting to receive from chan \"lonely\"(unbuffered)");
            assertArrayEquals(new int[] {0, 0}, c.waiting(), "the failed receive left no waiter behind");
            assertEquals(0, Parker.abortCausesHeld(), "the aborted wait's cause is not kept once thrown");
        }

        @Test
        @DisplayName("goroutines blocked in the background are not a deadlock while the thread runs")
        void backgroundIsFine() throws Throwable {
            Chan<Integer> c = chan();
            var g = Spawned.spawn(c::recv).awaitBlocked("chan receive");
            c.send(5); // the test thread ran all along: nothing was reported
            assertEquals(5, g.join());
        }

        @Test
        @DisplayName("a goroutine that will send later is not a deadlock")
        void laterSender() {
            Chan<Integer> c = chan();
            go(() -> {
                sleep(millis(30));
                c.send(3);
            });
            assertEquals(3, c.recv());
        }
    }
}
