package dev.go4j.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The small notebooks in {@code src/test/resources/notebooks}. */
final class TestNotebooks {
    private TestNotebooks() {}

    static Path path(String name) {
        try {
            return Path.of(TestNotebooks.class.getResource("/notebooks/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test notebook " + name, e);
        }
    }

    static Notebook read(String name) {
        try {
            return Notebook.read(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
