package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.go4j.Go.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The runtime package's knobs: GOMAXPROCS, NumGoroutine, which carrier runs a goroutine. */
@DisplayName("The scheduler")
class SchedulerTest {
    /** The carriers seen running 200 goroutines that each spin a little. */
    static Set<String> carriersUsed() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        WaitGroup wg = new WaitGroup();
        for (int i = 0; i < 200; i++) wg.go(() -> {
            long until = System.nanoTime() + 200_000;
            while (System.nanoTime() < until) seen.add(carrier());
        });
        wg.await();
        return seen;
    }

    @Test
    @DisplayName("gomaxprocs(1) runs every goroutine on one carrier; gomaxprocs(0) reads the setting")
    void oneCarrier() {
        int before = gomaxprocs(0);
        try {
            assertEquals(before, gomaxprocs(1));
            assertEquals(1, gomaxprocs(0));
            assertEquals(1, carriersUsed().size(), "one carrier at a time");
        } finally {
            gomaxprocs(before);
        }
        assertEquals(before, gomaxprocs(0));
    }

    @Test
    @DisplayName("carrier names the scheduler thread running the goroutine")
    void carrierName() {
        Chan<String> c = chan(1);
        go(() -> c.send(carrier()));
        assertTrue(c.recv().startsWith("ForkJoinPool"), "a carrier is a ForkJoinPool worker");
        assertEquals(Thread.currentThread().getName(), carrier(), "a platform thread is its own carrier");
    }

    @Test
    @DisplayName("numGoroutine counts a program's goroutines")
    void countsGoroutines() {
        int[] counts = new int[2];
        run(() -> {
            counts[0] = numGoroutine();
            Chan<Boolean> release = chan();
            for (int i = 0; i < 5; i++) go(release::recv);
            counts[1] = numGoroutine();
            close(release);
        });
        assertEquals(1, counts[0], "main alone");
        assertEquals(6, counts[1], "main and five more");
    }

    @Test
    @DisplayName("gomaxprocs refuses fewer than one carrier")
    void atLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> gomaxprocs(-1));
    }

    @Test
    @DisplayName("a program is crowded while more of its goroutines are ready to run than twice the carriers")
    void crowded() {
        Program.run(Duration.ofSeconds(20), () -> {
            Program program = Goroutine.current().program;
            int carriers = gomaxprocs(0);
            assertFalse(program.crowded(), "main alone");

            try (Busy busy = new Busy()) {
                busy.start(carriers);
                assertFalse(program.crowded(), "main and " + carriers + " busy goroutines on " + carriers + " carriers");
                busy.start(carriers);
                assertTrue(program.crowded(), "main and " + 2 * carriers + " busy goroutines on " + carriers + " carriers");
            }
            assertTrue(soon(() -> !program.crowded()), "the busy goroutines ended");

            // Blocked goroutines do not count.
            Chan<Integer> gate = chan();
            WaitGroup blocked = new WaitGroup();
            for (int i = 0; i < 2 * carriers; i++) blocked.go(gate::recv);
            assertTrue(soon(() -> !program.crowded()), "main runs; the others wait for a value");
            gate.close();
            blocked.await();
        });
    }

    @Test
    @DisplayName("on a single carrier nobody spins: a program counts as crowded there, even with main alone")
    void oneCarrierIsCrowded() {
        int before = gomaxprocs(0);
        try {
            Program.run(Duration.ofSeconds(20), () -> {
                Program program = Goroutine.current().program;
                assertFalse(program.crowded(), "main alone on " + before + " carriers");
                gomaxprocs(1);
                assertTrue(program.crowded(), "main alone on one carrier");
                gomaxprocs(before);
                assertFalse(program.crowded(), "main alone on " + before + " carriers again");
            });
        } finally {
            gomaxprocs(before);
        }
    }

    @Test
    @DisplayName("a wait while the program is crowded does not spin, and teaches its channel nothing about spinning")
    void crowdedWaitTeachesNothing() {
        assumeTrue(Parker.MAX_SPINS > 0, "on one core nobody spins");
        Program.run(Duration.ofSeconds(20), () -> {
            Program program = Goroutine.current().program;
            int carriers = gomaxprocs(0);
            Chan<Integer> c = chan();
            Parker answered = new Parker();
            answered.wake(0);
            answered.await("test", c, SpinBudget.MIN); // answered before its first spin: spinning paid
            c.learnSpins(c.spins(), answered);
            int budget = c.spins();
            assertEquals(2 * SpinBudget.MIN, budget, "a wait answered while it spun doubles the budget");

            try (Busy busy = new Busy()) {
                busy.start(2 * carriers);
                assertTrue(program.crowded());
                go(() -> {
                    while (c.waiting()[1] == 0) Thread.yield(); // (a timer could not fire while all of them yield)
                    c.send(1);
                });
                assertEquals(1, c.recv()); // parks without spinning: crowded
            }
            assertEquals(budget, c.spins(), "a wait that could not spin changed the budget");

            go(() -> {
                sleep(millis(50));
                c.send(2);
            });
            assertEquals(2, c.recv()); // spins in vain, then parks
            assertEquals(budget / 2, c.spins(), "a wait that spun in vain halves the budget");
        });
    }

    /**
     * Goroutines that yield in a loop: they stay ready to run, and leave the caller a carrier. Closing stops them, and
     * returns once they have ended.
     */
    private static final class Busy implements AutoCloseable {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final WaitGroup running = new WaitGroup();

        void start(int goroutines) {
            for (int i = 0; i < goroutines; i++) running.go(() -> {
                while (!stop.get()) Thread.yield();
            });
        }

        @Override
        public void close() {
            stop.set(true);
            running.await();
        }
    }

    /** Whether {@code condition} holds within 10 seconds. */
    private static boolean soon(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) return false;
            Thread.yield();
        }
        return true;
    }
}
