package dev.go4j.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A notebook file")
class NotebookTest {

    @Test
    @DisplayName("that is malformed JSON is rejected with the file, line and column")
    void malformed() {
        Path file = TestNotebooks.path("malformed.ipynb");
        NotebookFormatException e = assertThrows(NotebookFormatException.class, () -> Notebook.read(file));
        assertEquals(file + ": invalid JSON at line 3, column 51: expected a string key in an object", e.getMessage());
    }

    @Test
    @DisplayName("whose cells are not shaped as nbformat 4 says is rejected, naming the cell")
    void badShape() {
        String text = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
                + "{\"cell_type\": \"code\", \"metadata\": {}, \"source\": \"x\", \"outputs\": []},"
                + "{\"cell_type\": \"code\", \"metadata\": {\"tags\": \"check\"}, \"source\": \"\", \"outputs\": []}]}";
        NotebookFormatException e = assertThrows(NotebookFormatException.class, () -> Notebook.parse(text, "nb.ipynb"));
        assertEquals("nb.ipynb: cell 2: metadata \"tags\" must be a list of strings", e.getMessage());
        assertThrows(NotebookFormatException.class, () -> Notebook.parse("{\"nbformat\": 3, \"cells\": []}", "old.ipynb"));
    }

    @Test
    @DisplayName("gives its cells' sources, tags and saved outputs")
    void cells() {
        Notebook nb = TestNotebooks.read("basics.ipynb");
        assertEquals(8, nb.cells().size());
        assertEquals(7, nb.codeCells().size());
        Cell second = nb.cells().get(2);
        assertEquals("int x = 20;\nint twice(int n) { return 2 * n; }\ntwice(x) + 2", second.source());
        assertEquals("42", second.storedValue());
        assertEquals(Set.of("nondeterministic"), nb.cells().get(7).tags());
        assertEquals("hello 42\n", nb.cells().get(1).storedStream("stdout"));
    }

    @Test
    @DisplayName("is written back unchanged when nothing was changed")
    void roundTrip(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("copy.ipynb");
        Notebook.read(TestNotebooks.path("basics.ipynb")).write(copy);
        assertEquals(Files.readString(TestNotebooks.path("basics.ipynb")), Files.readString(copy));
    }
}
