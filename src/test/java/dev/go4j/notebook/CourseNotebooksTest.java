package dev.go4j.notebook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every notebook of the course ({@code notebooks/**.ipynb}) runs in the JShell runner with no unexpected error,
 * and its deterministic outputs equal the saved ones. New notebooks are picked up as they are added.
 */
@DisplayName("The course notebooks")
class CourseNotebooksTest {
    static final Path COURSE = Path.of("notebooks");

    static List<Path> notebooks() throws IOException {
        if (!Files.isDirectory(COURSE)) return List.of();
        try (Stream<Path> files = Files.walk(COURSE)) {
            return files.filter(p -> p.toString().endsWith(".ipynb"))
                    .filter(p -> !p.toString().contains(".ipynb_checkpoints"))
                    .sorted().toList();
        }
    }

    @TestFactory
    @DisplayName("run in JShell as they were saved")
    Stream<DynamicTest> runAsSaved() throws IOException {
        return notebooks().stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
            NotebookRun run = NotebookRunner.withDefaults().cellTimeLimit(Duration.ofSeconds(120)).run(Notebook.read(file));
            StringBuilder problems = new StringBuilder();
            for (CellResult r : run.unexpectedErrors()) problems.append("In [").append(r.executionCount()).append("] failed:\n").append(r.error().text());
            for (CellResult r : run.missingExpectedErrors()) problems.append("In [").append(r.executionCount()).append("] is tagged raises-exception but did not fail\n");
            for (OutputComparison.Mismatch m : OutputComparison.compare(run)) problems.append(m).append('\n');
            assertTrue(problems.isEmpty(), file + ":\n" + problems);
        }));
    }
}
