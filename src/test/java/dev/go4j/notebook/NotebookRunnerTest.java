package dev.go4j.notebook;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.go4j.OneCore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@DisplayName("The JShell notebook runner")
class NotebookRunnerTest {
    private static final NotebookRunner RUNNER = NotebookRunner.withDefaults().cellTimeLimit(Duration.ofSeconds(30));

    private static NotebookRun run(String name) {
        return RUNNER.run(TestNotebooks.read(name));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("on a notebook that works")
    class Works {
        private final NotebookRun run = run("basics.ipynb");

        @Test
        @DisplayName("runs every code cell, with go4j imported, and matches the saved outputs")
        void matches() {
            assertEquals(7, run.cells().size());
            assertEquals(List.of(), run.unexpectedErrors());
            assertEquals(List.of(), OutputComparison.compare(run));
        }

        @Test
        @DisplayName("shows the last expression's value as a kernel does, and none for a declaration")
        void values() {
            assertEquals("42", run.cells().get(1).value());
            assertEquals("a string is shown as it is", run.cells().get(2).value());
            assertNull(run.cells().get(3).value());
        }

        @Test
        @DisplayName("captures what goroutines print while their cell runs")
        void goroutines() {
            assertEquals("goroutine 0\ngoroutine 1\ngoroutine 2\n", run.cells().get(4).stdout());
            assertEquals("to stderr\n", run.cells().get(6).stderr());
        }
    }

    @Test
    @DisplayName("reports what a goroutine prints after its cell ended with that cell, not the running one")
    void lateOutput() {
        NotebookRun run = run("late-output.ipynb");
        assertAll(
                () -> assertEquals("first cell done\n", run.cells().get(0).stdout()),
                () -> assertEquals("late from the first cell\n", run.cells().get(0).lateOutput()),
                () -> assertEquals("second cell done\n", run.cells().get(1).stdout()),
                () -> assertEquals("", run.cells().get(1).lateOutput()));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("on cells that fail")
    class Failures {
        private final NotebookRun run = run("errors.ipynb");

        @Test
        @DisplayName("reports a compile error with its line in the cell and runs nothing of that cell")
        void compileError() {
            CellResult r = run.cells().get(0);
            assertEquals(CellError.Kind.COMPILE, r.error().kind());
            assertEquals(2, r.error().line());
            assertEquals("incompatible types: java.lang.String cannot be converted to int", r.error().summary());
            assertTrue(r.error().text().contains("    int bad = \"text\";\n              ^"), r.error().text());
            assertEquals("", r.stdout());
        }

        @Test
        @DisplayName("reports an exception with the learner's frames first, and keeps the output before it")
        void exception() {
            CellResult r = run.cells().get(1);
            assertEquals(CellError.Kind.EXCEPTION, r.error().kind());
            assertEquals("java.lang.IllegalStateException: too big: 3", r.error().summary());
            assertEquals(2, r.error().line(), "the line where it was thrown");
            assertTrue(r.error().text().startsWith("java.lang.IllegalStateException: too big: 3\n  in your code:\n"
                    + "    at fail (In [2], line 2)\n    at In [2], line 5\n"), r.error().text());
            assertEquals("before\n", r.stdout());
        }

        @Test
        @DisplayName("accepts an error in a cell tagged raises-exception, worded as Go's panic")
        void expected() {
            CellResult r = run.cells().get(2);
            assertTrue(r.errorExpected());
            assertEquals("panic: close of closed channel", r.error().summary());
            assertEquals("dev.go4j.Panic", r.error().exception());
        }

        @Test
        @DisplayName("reports unfinished code as a compile error")
        void incomplete() {
            assertEquals(CellError.Kind.COMPILE, run.cells().get(3).error().kind());
            assertEquals("reached end of file while parsing", run.cells().get(3).error().summary());
        }

        @Test
        @DisplayName("goes on with the next cells, and flags a raises-exception cell that did not fail")
        void goesOn() {
            assertEquals("still running\n", run.cells().get(4).stdout());
            assertEquals(List.of(1, 2, 4), run.unexpectedErrors().stream().map(CellResult::executionCount).toList());
            assertEquals(List.of(6), run.missingExpectedErrors().stream().map(CellResult::executionCount).toList());
        }
    }

    @Test
    @DisplayName("stops a cell that runs past its time limit (a busy loop, a long sleep) and runs the next cell")
    void timeout() {
        long start = System.nanoTime();
        NotebookRun run = run("timeout.ipynb");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(CellError.Kind.TIMEOUT, run.cells().get(0).error().kind());
        assertEquals("stopped after 1 s: the cell ran longer than its time limit", run.cells().get(0).error().summary());
        assertEquals(CellError.Kind.TIMEOUT, run.cells().get(1).error().kind());
        assertNull(run.cells().get(2).error());
        assertEquals("the next cell still runs\n", run.cells().get(2).stdout());
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "took " + took);
    }

    @Test
    @DisplayName("truncates huge output and a huge value with a note that says how much was left out")
    void hugeOutput() {
        NotebookRun run = RUNNER.outputLimit(10_000).run(TestNotebooks.read("huge-output.ipynb"));
        String out = run.cells().get(0).stdout();
        assertTrue(out.startsWith("line 0\nline 1\n"), out.substring(0, 20));
        assertTrue(out.length() < 10_200, "kept " + out.length());
        long printed = 0;
        for (int i = 0; i < 100_000; i++) printed += ("line " + i + "\n").length();
        assertTrue(out.endsWith("[output truncated: " + (printed - 10_000) + " more bytes were printed than the limit of 10000 bytes per stream allows]\n"),
                out.substring(out.length() - 120));
        String value = run.cells().get(1).value();
        assertTrue(value.endsWith("[value truncated: 290000 more characters than the limit of 10000 allows]"), value.substring(value.length() - 100));
    }

    @Test
    @DisplayName("gives each notebook a fresh go4j runtime: goroutine numbers start again")
    void freshRuntime() {
        Notebook nb = Notebook.parse("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
                + "{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"source\": "
                + "\"go(() -> { throw new IllegalStateException(\\\"x\\\"); }); sleep(millis(200));\"}]}", "fresh");
        String first = RUNNER.run(nb).cells().get(0).stderr();
        String second = RUNNER.run(nb).cells().get(0).stderr();
        assertTrue(first.startsWith("panic: java.lang.IllegalStateException: x"), first);
        assertEquals(first.lines().limit(3).toList(), second.lines().limit(3).toList());
    }

    /**
     * JShell starts each snippet on a new thread, lists the threads of that thread's group, and waits for all of
     * them: a thread the cell started before the listing was waited for as if it were the cell. That happens when
     * the snippet's thread runs first, which one core makes likely (a few cells in a hundred), so the runner runs
     * here in a JVM held to one core ({@link OneCore}).
     */
    @Test
    @DisplayName("ends a cell that starts a thread without waiting for that thread, even on one core")
    void backgroundThread() throws Exception {
        int cells = 200;
        StringBuilder json = new StringBuilder("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [");
        for (int i = 0; i < cells; i++) {
            json.append(i == 0 ? "" : ",").append("{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"source\": ")
                    .append("\"Thread worker").append(i).append(" = Thread.ofPlatform().daemon().start(() -> ")
                    .append("{ try { Thread.sleep(60_000); } catch (InterruptedException e) { } });\"}");
        }
        Path notebook = Files.createTempFile("background-threads", ".ipynb");
        Files.writeString(notebook, json.append("]}"));
        String out = OneCore.run(RunCommand.class.getName(), "--time-limit", "5", notebook.toString());
        assertTrue(out.contains(notebook + ": " + cells + " cells, 0 unexpected errors"), out);
    }
}
