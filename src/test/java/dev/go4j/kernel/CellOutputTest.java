package dev.go4j.kernel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static dev.go4j.Go.go;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The routing rules of {@link CellOutput}, with a recording publisher in place of a Jupyter kernel. As in the
 * kernel, the test thread plays the kernel's request handler and a pool thread runs each cell's code.
 */
@DisplayName("Cell output")
class CellOutputTest {
    /** One message the publisher was asked to send. */
    record Sent(String type, long parent, String streamOrDisplayId, String text) {}

    static final class RecordingPublisher implements CellPublisher {
        final List<Sent> sent = new ArrayList<>();

        @Override
        public synchronized void stream(Cell parent, OutputKind kind, String text) {
            sent.add(new Sent("stream", parent.number, kind.name(), text));
            notifyAll();
        }

        @Override
        public synchronized void display(Cell parent, String displayId, Map<String, String> data,
                                         Map<String, Object> metadata, boolean update) {
            assertEquals(Map.of("go4j", "late-output"), metadata);
            sent.add(new Sent(update ? "update_display_data" : "display_data", parent.number, displayId,
                    data.get("text/plain")));
            notifyAll();
        }

        synchronized List<Sent> sent() {
            return List.copyOf(sent);
        }

        /** Waits until a message matches, and returns it. */
        synchronized Sent await(String what, Predicate<Sent> match) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                for (Sent s : sent) if (match.test(s)) return s;
                long left = deadline - System.nanoTime();
                if (left <= 0) fail("no message " + what + " among " + sent);
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    final RecordingPublisher publisher = new RecordingPublisher();
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    CellOutput output;
    PrintStream out;
    PrintStream err;
    ExecutorService cellThread;

    @BeforeEach
    void kernel() {
        output = new CellOutput(publisher, new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        out = output.printStream(OutputKind.OUT);
        err = output.printStream(OutputKind.ERR);
        cellThread = Executors.newSingleThreadExecutor(); // made by a kernel thread: belongs to no cell
    }

    @AfterEach
    void stop() {
        cellThread.shutdownNow();
    }

    interface Code {
        void run() throws Exception;
    }

    /** Runs one cell, as the kernel does: begin, its code on the pool thread, end. */
    Cell cell(Code code) throws Exception {
        Cell cell = output.begin(new Object());
        try {
            cellThread.submit(() -> {
                code.run();
                return null;
            }).get(10, TimeUnit.SECONDS);
        } finally {
            output.end(cell);
        }
        return cell;
    }

    List<Sent> streamsOf(Cell cell) {
        return publisher.sent().stream().filter(s -> s.type().equals("stream") && s.parent() == cell.number).toList();
    }

    @Nested
    @DisplayName("while the cell runs")
    class WhileRunning {
        @Test
        @DisplayName("a line the cell prints is sent at once as its stream output")
        void lineAtOnce() throws Exception {
            Cell c = cell(() -> {
                out.println("hello");
                assertEquals(List.of(new Sent("stream", 1, "OUT", "hello\n")), publisher.sent());
            });
            assertEquals(List.of(new Sent("stream", c.number, "OUT", "hello\n")), publisher.sent(),
                    "a cell that started no thread gets no late-output display");
        }

        @Test
        @DisplayName("a goroutine's lines go to its cell's stream, in order with the cell's own")
        void goroutineWhileRunning() throws Exception {
            Cell c = cell(() -> {
                out.println("before");
                CountDownLatch done = new CountDownLatch(1);
                go(() -> {
                    out.println("from a goroutine");
                    done.countDown();
                });
                done.await();
                err.println("after");
            });
            assertEquals(List.of(new Sent("stream", c.number, "OUT", "before\n"),
                    new Sent("stream", c.number, "OUT", "from a goroutine\n"),
                    new Sent("stream", c.number, "ERR", "after\n")), streamsOf(c));
        }

        @Test
        @DisplayName("text without a newline is sent after a short delay, or when the cell ends")
        void partialLines() throws Exception {
            Cell c = cell(() -> {
                out.print("tick ");
                publisher.await("the partial line", s -> s.text().equals("tick "));
                out.print("tock");
            });
            assertEquals(List.of(new Sent("stream", c.number, "OUT", "tick "), new Sent("stream", c.number, "OUT", "tock")),
                    streamsOf(c));
        }
    }

    @Nested
    @DisplayName("after the cell ended")
    class AfterEnd {
        @Test
        @DisplayName("a goroutine prints into its cell's late-output display, updated with the running cell as parent")
        void lateWhileAnotherCellRuns() throws Exception {
            CountDownLatch cell1Ended = new CountDownLatch(1);
            Cell c1 = cell(() -> go(() -> {
                cell1Ended.await();
                out.println("late");
            }));
            Sent placeholder = publisher.await("the placeholder", s -> s.type().equals("display_data"));
            assertEquals(new Sent("display_data", c1.number, placeholder.streamOrDisplayId(), ""), placeholder);

            Cell c2 = cell(() -> {
                cell1Ended.countDown();
                publisher.await("the update", s -> s.type().equals("update_display_data"));
                out.println("cell 2's own line");
            });
            Sent update = publisher.await("the update", s -> s.type().equals("update_display_data"));
            assertEquals(new Sent("update_display_data", c2.number, placeholder.streamOrDisplayId(), "late\n"), update);
            assertEquals(List.of(new Sent("stream", c2.number, "OUT", "cell 2's own line\n")), streamsOf(c2),
                    "nothing of cell 1's goroutine appears in cell 2's stream");
        }

        @Test
        @DisplayName("with no cell running, the update's parent is the cell itself, and the next cell sends it again")
        void lateWhileIdle() throws Exception {
            CountDownLatch go = new CountDownLatch(1);
            Cell c1 = cell(() -> go(() -> {
                go.await();
                out.println("late, while idle");
            }));
            go.countDown();
            Sent idleUpdate = publisher.await("the update", s -> s.type().equals("update_display_data"));
            assertEquals(c1.number, idleUpdate.parent());

            Cell c2 = cell(() -> {});
            assertTrue(publisher.sent().contains(new Sent("update_display_data", c2.number,
                    idleUpdate.streamOrDisplayId(), "late, while idle\n")), publisher.sent().toString());
        }

        @Test
        @DisplayName("a goroutine's goroutines belong to the same cell")
        void grandchildren() throws Exception {
            CountDownLatch release = new CountDownLatch(1);
            Cell c1 = cell(() -> go(() -> {
                release.await();
                go(() -> err.println("grandchild"));
            }));
            Cell c2 = cell(() -> {
                release.countDown();
                publisher.await("the update", s -> s.type().equals("update_display_data"));
            });
            Sent update = publisher.await("the update", s -> s.type().equals("update_display_data"));
            assertEquals("grandchild\n", update.text());
            assertTrue(streamsOf(c2).isEmpty());
            assertEquals(c1.number + 1, c2.number);
        }

        @Test
        @DisplayName("late output beyond the limit is cut, and the display says so")
        void limit() throws Exception {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch printed = new CountDownLatch(1);
            cell(() -> go(() -> {
                release.await();
                String line = "x".repeat(1000);
                for (int i = 0; i < 100; i++) out.println(line);
                printed.countDown();
            }));
            release.countDown();
            printed.await();
            Sent update = publisher.await("the last update",
                    s -> s.type().equals("update_display_data") && s.text().contains("the rest is not shown"));
            assertTrue(update.text().startsWith("x".repeat(1000) + "\n"));
            assertTrue(update.text().length() < CellOutput.LATE_OUTPUT_LIMIT + 200, "length " + update.text().length());
        }
    }

    @Nested
    @DisplayName("platform threads")
    class PlatformThreads {
        @Test
        @DisplayName("print to the running cell, even when an earlier cell started them")
        void runningCell() throws Exception {
            ExecutorService[] pool = new ExecutorService[1];
            cell(() -> {
                pool[0] = Executors.newSingleThreadExecutor();
                pool[0].submit(() -> {}).get(); // its thread starts now, so cell 1 started it
            });
            try {
                Cell c2 = cell(() -> pool[0].submit(() -> out.println("work for cell 2")).get());
                assertEquals(List.of(new Sent("stream", c2.number, "OUT", "work for cell 2\n")), streamsOf(c2));
            } finally {
                pool[0].shutdownNow();
            }
        }

        @Test
        @DisplayName("started by no cell and printing while none runs: logged, then reported at the top of the next cell")
        void unattributed() throws Exception {
            Cell c1 = cell(() -> {});
            Thread stranger = Thread.ofPlatform().name("stranger").start(() -> out.println("hello from nowhere"));
            stranger.join();
            assertEquals("hello from nowhere\n", logBytes.toString(StandardCharsets.UTF_8));

            Cell c2 = cell(() -> out.println("cell 2"));
            assertEquals(List.of(new Sent("stream", c2.number, "ERR", "[go4j: while no cell was running, thread \"stranger\" printed:]\n"),
                    new Sent("stream", c2.number, "OUT", "hello from nowhere\n"),
                    new Sent("stream", c2.number, "OUT", "cell 2\n")), streamsOf(c2));
            assertTrue(streamsOf(c1).isEmpty());
        }
    }
}
