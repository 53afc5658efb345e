package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.go4j.Go.*;
import static org.junit.jupiter.api.Assertions.*;

/** Goroutines: go, names, panics. */
@DisplayName("Goroutines")
class GoroutineTest {
    @Test
    @DisplayName("go runs the body on a new virtual thread and does not wait for it")
    void runsConcurrently() {
        Chan<Boolean> started = chan(), finish = chan();
        Chan<Boolean> virtual = chan(1);
        go(() -> {
            virtual.send(Thread.currentThread().isVirtual());
            started.send(true);
            finish.recv();
        });
        assertTrue(virtual.recv());
        started.recv(); // go returned before the body ended, or this would never meet it
        finish.send(true);
    }

    @Test
    @DisplayName("a sleeping goroutine shows in a dump as sleeping, for how long, and as running once it wakes")
    void sleepInDumps() throws Throwable {
        var sleeper = Spawned.spawnTask(() -> sleep(millis(300))).awaitBlocked("sleep");
        Goroutine g = sleeper.goroutine();
        String dump = GoroutineDump.of(List.of(g));
        assertTrue(dump.contains("sleeping for 300ms"), dump);
        assertTrue(g.wakeAt() > System.nanoTime(), "a sleep in progress has its wake-up time ahead");
        sleeper.join();
        assertEquals("running", g.status());
        assertEquals(0, g.wakeAt());
    }

    @Test
    @DisplayName("100 000 goroutines can block at once and all finish")
    void many() {
        int n = 100_000;
        Chan<Boolean> start = chan();
        WaitGroup wg = new WaitGroup();
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < n; i++) wg.go(() -> {
            start.recv();
            ran.incrementAndGet();
        });
        close(start);
        wg.await();
        assertEquals(n, ran.get());
    }

    @Test
    @DisplayName("a named goroutine's thread carries the name; an unnamed one's thread has none, like any virtual thread")
    void named() {
        Chan<String> name = chan(2);
        go("worker", () -> name.send(Thread.currentThread().getName()));
        String named = name.recv();
        assertTrue(named.startsWith("goroutine ") && named.endsWith(" \"worker\""), named);
        go(() -> name.send(Thread.currentThread().getName()));
        assertEquals("", name.recv());
    }

    @Test
    @DisplayName("a goroutine that panics is reported the way Go prints a panic")
    void panicReported() throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Chan<Boolean> done = chan();
        try {
            System.setErr(new PrintStream(err, true));
            go("doomed", () -> {
                try {
                    Chan<Integer> c = chan();
                    close(c);
                    close(c);
                } finally {
                    done.send(true);
                }
            });
            done.recv();
            for (int i = 0; i < 200 && !err.toString().contains("[running]"); i++) sleep(millis(5));
        } finally {
            System.setErr(saved);
        }
        String report = err.toString();
        assertTrue(report.startsWith("panic: close of closed channel\n\ngoroutine "), report);
        assertTrue(report.contains("\"doomed\" [running]:"), report);
        assertTrue(report.contains("GoroutineTest"), "the learner's frames are listed: " + report);
        assertFalse(report.contains("Goroutine.run") || report.contains("VirtualThread"),
                "the frames that start every goroutine are left out: " + report);
    }

    @Test
    @DisplayName("panic(v) throws a Panic carrying v")
    void panicValue() {
        Panic p = assertThrows(Panic.class, () -> panic(42));
        assertEquals(42, p.value());
        assertEquals("42", p.getMessage());
    }

    @Test
    @DisplayName("null bodies and names are rejected at once")
    void nulls() {
        assertThrows(NullPointerException.class, () -> go(null));
        assertThrows(NullPointerException.class, () -> go(null, () -> {}));
    }

    @Test
    @DisplayName("a goroutine that replaces its thread's uncaught-exception handler still sends and receives")
    void replacedHandler() {
        Chan<Integer> in = chan(), out = chan();
        go(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {});
            for (Integer v : in) out.send(v * 2);
            out.close();
        });
        in.send(1);
        assertEquals(2, out.recv());
        in.send(21);
        assertEquals(42, out.recv());
        in.close();
        assertNull(out.recv());
    }

    @Test
    @DisplayName("threads that go4j did not start, once ended, leave no record behind in the REPL")
    void endedForeignThreadsForgotten() throws Exception {
        int batches = 40, perBatch = 500; // each batch: 250 senders and 250 receivers on plain virtual threads
        Chan<Integer> c = chan();
        int before = Program.REPL.size();
        for (int b = 0; b < batches; b++) {
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < perBatch; i++) {
                    boolean sender = i % 2 == 0;
                    threads.submit(() -> {
                        if (sender) c.send(1);
                        else c.recv();
                    });
                }
            }
        }
        int growth = Program.REPL.size() - before;
        // Each thread that waited joined the REPL; ended ones are forgotten once as many joined as members were kept.
        assertTrue(growth < batches * perBatch / 4, growth + " records of ended threads kept, of " + batches * perBatch);
    }

    @Test
    @DisplayName("plain virtual threads that use go4j first, all at once, do not hang its start, even on one carrier")
    void firstUseFromManyThreads() {
        String out = OneCore.runAsLibrary(FirstUse.class.getName());
        assertTrue(out.contains("all 200 threads done"), out);
    }

    /**
     * 200 virtual threads, not goroutines, each the first to wait on a channel as far as it knows, in a fresh JVM:
     * go4j's classes are initialized while they run, on the carriers the JVM made for its first virtual thread
     * (one, on one core). Reports in 20 s at most, even if they hang.
     */
    public static final class FirstUse {
        public static void main(String[] args) throws Exception {
            int n = 200;
            CountDownLatch done = new CountDownLatch(n);
            Chan<Integer> c = chan();
            for (int i = 0; i < n; i++) {
                boolean sender = i % 2 == 0;
                Thread.ofVirtual().start(() -> {
                    if (sender) c.send(1);
                    else c.recv();
                    done.countDown();
                });
            }
            if (done.await(20, TimeUnit.SECONDS)) System.out.println("all " + n + " threads done");
            else System.out.println(done.getCount() + " of " + n + " threads still running after 20 s");
            System.exit(0);
        }
    }
}
