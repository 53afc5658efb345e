package dev.go4j.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Notebooks executed through the real Jupyter kernel, exactly as a reader runs them: the go4j kernelspec is
 * installed by scripts/install-kernel.sh (into a private folder, from the jar just built) and nbclient runs every
 * cell. Covers the smoke notebook and every notebook of the course in notebooks/.
 */
@DisplayName("Notebooks through the real go4j kernel")
class NotebookKernelIT {
    @TempDir
    static Path dir;
    static Path python;
    static Map<String, String> env;
    /** Why Jupyter or the kernel cannot be had, once a test found out; every test then skips with it. */
    static String unavailable;

    /** Installs the kernel for the first test; skips every test, each with a loud line, if it cannot. */
    @BeforeEach
    void installKernel() {
        synchronized (NotebookKernelIT.class) {
            if (unavailable != null) Jupyter.skip(unavailable);
            if (python != null) return;
            try {
                Path py = Jupyter.python();
                Path prefix = dir.resolve("prefix");
                Jupyter.installKernel(Jupyter.ROOT, Map.of("GO4J_KERNEL_HOME", dir.resolve("kernel").toString()),
                        "--prefix", prefix.toString());
                env = Map.of("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
                python = py;
            } catch (TestAbortedException e) {
                unavailable = e.getMessage();
                throw e;
            }
        }
    }

    static List<Path> notebooks() throws IOException {
        // the smoke notebook, then the course; the runner's own test notebooks fail on purpose
        List<Path> all = new ArrayList<>(List.of(Path.of("src/test/resources/notebooks/smoke.ipynb")));
        for (Path folder : List.of(Path.of("notebooks"))) {
            if (!Files.isDirectory(folder)) continue;
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.toString().endsWith(".ipynb")).sorted().forEach(all::add);
            }
        }
        return all;
    }

    @TestFactory
    @DisplayName("every notebook runs with no unexpected error (cells tagged raises-exception may fail)")
    Stream<DynamicTest> everyNotebookRuns() throws IOException {
        List<Path> notebooks = notebooks();
        assertFalse(notebooks.isEmpty(), "no notebooks found");
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.toString(), () -> {
            Jupyter.Run run = Jupyter.execute(python, env, dir.resolve("executed"), nb);
            assertTrue(run.ok(), nb + " failed through the kernel:\n" + run.output());
            System.err.println(run.output().lines().filter(l -> l.startsWith(nb.toString())).findFirst().orElse(""));
        }));
    }

    @Test
    @DisplayName("a goroutine's print after its cell ended lands in that cell's late-output display, not in the cell then running")
    void goroutineOutputStaysWithItsCell() throws IOException {
        Path nb = Path.of("src/test/resources/kernel/goroutine-output.ipynb");
        Jupyter.Run run = Jupyter.execute(python, env, dir.resolve("late"), nb);
        assertTrue(run.ok(), run.output());
        JsonNode cells = new ObjectMapper().readTree(dir.resolve("late/goroutine-output.ipynb").toFile()).get("cells");
        JsonNode starter = cells.get(1).get("outputs");
        JsonNode next = cells.get(2).get("outputs");

        assertEquals("goroutine: while its cell runs\n", text(starter.get(0)), "printed while its cell ran: a stream");
        assertEquals("cell 1: done\n", text(starter.get(1)));
        JsonNode late = starter.get(2);
        assertEquals("display_data", late.get("output_type").asText());
        assertEquals("late-output", late.get("metadata").get("go4j").asText());
        String lateText = text(late);
        assertTrue(lateText.startsWith("goroutine: after its cell ended\npanic: late boom\n"), lateText);
        assertTrue(lateText.contains("goroutine 2 [running]"),
                "the kernel's warm-up starts no goroutine, so numbers are as in a fresh JShell: " + lateText);
        assertTrue(joined(late.get("data").get("text/html")).contains("printed after the cell finished"));

        assertEquals(1, next.size(), "the cell running at the time shows only its own output: " + next);
        assertEquals("cell 2: done\n", text(next.get(0)));
        for (JsonNode cell : cells) {
            if (cell == cells.get(1)) continue;
            assertFalse(cell.toString().contains("goroutine:"), "shown under another cell: " + cell);
        }
    }

    /** The text of a stream output, or the text/plain of a display. */
    static String text(JsonNode output) {
        return joined(output.has("text") ? output.get("text") : output.get("data").get("text/plain"));
    }

    /** A multi-line string of a notebook, which nbformat may store as a list of lines. */
    static String joined(JsonNode text) {
        if (text.isTextual()) return text.asText();
        StringBuilder s = new StringBuilder();
        text.forEach(line -> s.append(line.asText()));
        return s.toString();
    }
}
