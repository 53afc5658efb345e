package dev.go4j.grade;

import dev.go4j.notebook.Notebook;
import dev.go4j.notebook.NotebookFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./go4j student SOURCE OUT}: writes the student version of a source notebook, or of every notebook in a
 * source folder (into the same relative paths under OUT). See {@link StudentVersion}.
 */
public final class StudentCommand {
    private StudentCommand() {}

    public static void main(String[] args) {
        if (args.length != 2 || args[0].startsWith("-")) {
            System.err.println("usage: ./go4j student SOURCE.ipynb OUT.ipynb\n       ./go4j student SOURCE_FOLDER OUT_FOLDER");
            System.exit(args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")) ? 0 : 2);
        }
        Path source = Path.of(args[0]), out = Path.of(args[1]);
        try {
            if (Files.isDirectory(source)) {
                List<Path> notebooks;
                try (Stream<Path> files = Files.walk(source)) {
                    notebooks = files.filter(p -> p.toString().endsWith(".ipynb") && !p.toString().contains(".ipynb_checkpoints")).sorted().toList();
                }
                if (notebooks.isEmpty()) fail(source + ": no notebooks in this folder");
                for (Path nb : notebooks) convert(nb, out.resolve(source.relativize(nb)));
            } else if (Files.isRegularFile(source)) {
                convert(source, Files.isDirectory(out) ? out.resolve(source.getFileName()) : out);
            } else {
                fail(source + ": no such notebook or folder");
            }
        } catch (IOException e) {
            fail("go4j student: " + e);
        } catch (NotebookFormatException | ExerciseFormatException e) {
            fail(e.getMessage());
        }
    }

    private static void convert(Path from, Path to) throws IOException {
        if (from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
            fail(from + ": the student version would overwrite the source notebook; choose another output");
        }
        Notebook source = Notebook.read(from);
        List<Exercise> exercises = Exercises.of(source);
        Notebook student = StudentVersion.of(source);
        student.write(to);
        long removed = source.cells().size() - student.cells().size();
        System.out.println("wrote " + to + " (" + exercises.size() + " exercises, " + removed + " solution and hidden-test cells removed)");
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
