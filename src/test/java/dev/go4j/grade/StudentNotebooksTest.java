package dev.go4j.grade;

import dev.go4j.notebook.Notebook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The notebooks learners open (notebooks/) are exactly the student versions of the course's source notebooks
 * (src/notebooks/): no solution, no hidden test, nothing edited by hand on one side only.
 */
@DisplayName("Student notebooks")
class StudentNotebooksTest {
    static final Path SOURCES = Path.of("src/notebooks"), STUDENTS = Path.of("notebooks");

    static List<Path> sources() throws IOException {
        if (!Files.isDirectory(SOURCES)) return List.of();
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    @TestFactory
    @DisplayName("each is the student version of its source notebook")
    Stream<DynamicTest> upToDate() throws IOException {
        return sources().stream().map(src -> DynamicTest.dynamicTest(src.getFileName().toString(), () -> {
            Path student = STUDENTS.resolve(src.getFileName());
            assertTrue(Files.exists(student), student + " is missing: run ./go4j student src/notebooks notebooks");
            Path expected = Files.createTempFile("student", ".ipynb");
            try {
                StudentVersion.of(Notebook.read(src)).write(expected);
                assertEquals(Files.readString(expected), Files.readString(student),
                        student + " is not the student version of " + src + ": run ./go4j student src/notebooks notebooks");
            } finally {
                Files.deleteIfExists(expected);
            }
        }));
    }

    @TestFactory
    @DisplayName("every notebook learners get has a source")
    Stream<DynamicTest> noOrphans() throws IOException {
        if (!Files.isDirectory(STUDENTS)) return Stream.empty();
        try (Stream<Path> files = Files.list(STUDENTS)) {
            return files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList().stream()
                    .map(s -> DynamicTest.dynamicTest(s.getFileName().toString(),
                            () -> assertTrue(Files.exists(SOURCES.resolve(s.getFileName())), s + " has no source in " + SOURCES)));
        }
    }
}
