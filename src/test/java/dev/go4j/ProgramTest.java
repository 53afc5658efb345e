package dev.go4j;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.go4j.Go.*;
import static org.junit.jupiter.api.Assertions.*;

/** Go's program model in a block: main ends the program, and everything that goes wrong is reported. */
@DisplayName("Programs")
class ProgramTest {
    private PrintStream savedOut, savedErr;
    private ByteArrayOutputStream out, err;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    /** Pike's boring: prints a message, sleeps a little, forever. */
    static void boring(String msg) {
        for (int i = 0; ; i++) {
            println(msg, i);
            sleep(millis(randInt(20)));
        }
    }

    @Nested
    @DisplayName("main ends the program")
    class MainEnds {
        @Test
        @DisplayName("goboring: main does not wait, so the goroutine prints nothing")
        void goboring() {
            run(() -> go(() -> {
                sleep(millis(5)); // the goroutine needs a moment to start; main is gone by then
                boring("boring!");
            }));
            sleep(millis(100));
            assertEquals("", out.toString());
        }

        @Test
        @DisplayName("a line that a goroutine began before main returned is printed whole, and nothing after it")
        void lineBegunBeforeTheEnd() throws InterruptedException {
            CountDownLatch finished = new CountDownLatch(1);
            run(() -> {
                Chan<Boolean> begun = chan(1);
                go(() -> {
                    try {
                        System.out.print("boring!");
                        begun.send(true);
                        Program program = Goroutine.current().program;
                        while (!program.ended()) Thread.yield();
                        System.out.printf(" %d%nboring! 1", 0); // the rest of the line, then a new one
                        System.out.println();
                    } finally {
                        finished.countDown();
                    }
                });
                begun.recv();
            });
            assertTrue(finished.await(10, TimeUnit.SECONDS));
            assertEquals("boring! 0\n", out.toString());
        }

        @Test
        @DisplayName("waitgoboring: the goroutine prints while main waits, and nothing after main leaves")
        void waitgoboring() {
            run(() -> {
                go(() -> boring("boring!"));
                println("I'm listening.");
                sleep(millis(100));
                println("You're boring; I'm leaving.");
            });
            String atEnd = out.toString();
            sleep(millis(100));
            assertEquals(atEnd, out.toString(), "nothing printed after main returned");
            assertTrue(atEnd.contains("I'm listening.\n"), atEnd);
            assertTrue(atEnd.endsWith("You're boring; I'm leaving.\n"), atEnd);
            assertTrue(atEnd.contains("boring! 0\n"), atEnd);
            assertEquals("", err.toString(), "a sleeping goroutine is not a leak");
        }

        @Test
        @DisplayName("its goroutines are stopped")
        void goroutinesStopped() {
            AtomicInteger alive = new AtomicInteger();
            Program.Result r = Program.run(Duration.ofSeconds(10), () -> {
                for (int i = 0; i < 100; i++) go(() -> {
                    alive.incrementAndGet();
                    try {
                        sleep(seconds(60));
                    } finally {
                        alive.decrementAndGet();
                    }
                });
                while (alive.get() < 100) sleep(millis(1));
            });
            assertEquals(0, alive.get());
            assertTrue(r.clean(), r.report());
        }

        @Test
        @DisplayName("goroutines started outside a program keep running after it")
        void replGoroutinesUnaffected() {
            Chan<Integer> c = chan();
            go(() -> {
                sleep(millis(50));
                c.send(1);
            });
            run(() -> {});
            assertEquals(1, c.recv());
        }
    }

    @Nested
    @DisplayName("leaks")
    class Leaks {
        @Test
        @DisplayName("goroutines still blocked when main returns are reported as leaks")
        void leakReported() {
            Program.Result r = Program.run(Duration.ofSeconds(10), () -> {
                Chan<Integer> c = chan("numbers");
                go("generator", () -> {
                    for (int i = 0; ; i++) c.send(i);
                });
                c.recv();
                c.recv();
            });
            assertEquals(1, r.leaked().size(), r.report());
            DeadlockTest.assertMentions(r.report(), "goroutine leak", "\"generator\" [chan send]",
                    "waiting to send on chan \"numbers\"(unbuffered)");
        }

        @Test
        @DisplayName("leaks are reported oldest first, however many there are")
        void leaksInOrder() {
            int n = 3 * Members.Segment.SIZE; // several segments, which the set reads newest first
            Program.Result r = Program.run(Duration.ofSeconds(10), () -> {
                Chan<Integer> c = chan();
                for (int i = 0; i < n; i++) go(c::recv);
                sleep(millis(50));
            });
            assertEquals(n, r.leaked().size(), r.report());
            for (int i = 0; i < n; i++) {
                String expected = "goroutine " + (i + 2) + " [chan receive]"; // main is goroutine 1
                assertTrue(r.leaked().get(i).startsWith(expected), "leak " + i + ": " + r.leaked().get(i));
            }
        }

        @Test
        @DisplayName("Go.run prints the leak report on System.err")
        void leakPrinted() {
            run(() -> {
                Chan<Integer> c = chan();
                go(c::recv);
                sleep(millis(20));
            });
            DeadlockTest.assertMentions(err.toString(), "goroutine leak", "[chan receive]");
        }
    }

    @Nested
    @DisplayName("panics")
    class Panics_ {
        @Test
        @DisplayName("a goroutine that throws ends the program with Go's panic words and which goroutine")
        void goroutinePanics() {
            var e = assertThrows(GoroutinePanic.class, () -> run(() -> {
                go("worker", () -> {
                    Chan<Integer> c = chan();
                    close(c);
                    c.send(1);
                });
                sleep(seconds(10));
            }));
            assertTrue(e.getMessage().startsWith("panic: send on closed channel\n\ngoroutine "), e.getMessage());
            assertTrue(e.getMessage().contains("\"worker\" [running]"), e.getMessage());
            assertInstanceOf(Panic.class, e.getCause());
            assertEquals("ProgramTest.java", e.getStackTrace()[0].getFileName().equals("Chan.java")
                    ? firstLearnerFrame(e).getFileName() : e.getStackTrace()[0].getFileName());
        }

        @Test
        @DisplayName("what main throws comes out of run as it was thrown")
        void mainThrows() {
            var e = assertThrows(IllegalStateException.class, () -> run(() -> {
                throw new IllegalStateException("bad state");
            }));
            assertEquals("bad state", e.getMessage());
        }

        private StackTraceElement firstLearnerFrame(Throwable t) {
            return GoroutineDump.learnerFrames(t.getStackTrace()).get(0);
        }
    }

    @Nested
    @DisplayName("runaway code")
    class Runaway {
        @Test
        @DisplayName("a program past its time limit is stopped with a dump of its goroutines")
        void timeLimit() {
            var e = assertThrows(TimeLimitExceeded.class, () -> run(millis(300), () -> {
                Chan<Integer> c = chan("results");
                go("stuck", () -> sleep(seconds(60)));
                go("waiter", () -> c.recv());
                for (;;) sleep(millis(10));
            }));
            DeadlockTest.assertMentions(e.getMessage(), "time limit of 300ms", "\"main\" [", "\"stuck\" [sleep]",
                    "\"waiter\" [chan receive]", "chan \"results\"");
        }

        @Test
        @DisplayName("a loop that never blocks is left behind, reported, and the caller goes on")
        void busyLoop() {
            AtomicInteger spin = new AtomicInteger();
            var e = assertThrows(TimeLimitExceeded.class, () -> run(millis(200), () -> {
                while (spin.get() >= 0) spin.incrementAndGet();
            }));
            DeadlockTest.assertMentions(e.getMessage(), "\"main\" [running]");
            spin.set(-1_000_000_000); // lets the runaway loop finish so it frees its carrier thread
            run(() -> println("the next program runs"));
            assertTrue(out.toString().contains("the next program runs"));
        }

        @Test
        @DisplayName("the default limit can be changed, and must be positive")
        void defaultLimit() {
            Duration saved = Program.defaultTimeLimit();
            try {
                Program.setDefaultTimeLimit(millis(100));
                assertThrows(TimeLimitExceeded.class, () -> run(() -> sleep(seconds(5))));
            } finally {
                Program.setDefaultTimeLimit(saved);
            }
            assertThrows(IllegalArgumentException.class, () -> Program.setDefaultTimeLimit(Duration.ZERO));
        }
    }
}
