package dev.go4j.grade;

import dev.go4j.notebook.Cell;
import dev.go4j.notebook.Notebook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The sample source notebook with five exercises, and submissions made from it. */
final class SampleExercises {
    private SampleExercises() {}

    static Path resource(String name) {
        try {
            return Path.of(SampleExercises.class.getResource("/grading/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource grading/" + name, e);
        }
    }

    static Path sourcePath() {
        return resource("exercises.ipynb");
    }

    static Notebook source() {
        try {
            return Notebook.read(sourcePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference solution of each exercise of {@code source}, joined when there are several cells. */
    static Map<String, String> solutions(Notebook source) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Exercise e : Exercises.of(source)) {
            StringBuilder sb = new StringBuilder();
            for (Cell c : e.solutions()) sb.append(c.source()).append('\n');
            out.put(e.id(), sb.toString());
        }
        return out;
    }

    /** The student version of {@code source} with the answer cells of some exercises replaced. */
    static Notebook submission(Notebook source, Map<String, String> answers) {
        Notebook nb = StudentVersion.of(source);
        for (Cell c : nb.cells()) {
            String id = c.go4jString("exercise");
            if (c.hasTag(Exercises.STUB) && answers.containsKey(id)) c.setSource(answers.get(id));
        }
        return nb;
    }

    /** The known-wrong answers: exercise id → (file name, answer, the phrase the feedback must contain). */
    record WrongAnswer(String file, String exercise, String code, String expect) {}

    static List<WrongAnswer> wrongAnswers() {
        try (Stream<Path> files = Files.list(resource("wrong"))) {
            return files.sorted().map(f -> {
                try {
                    String code = Files.readString(f);
                    String first = code.lines().findFirst().orElse("");
                    if (!first.startsWith("// expect: ")) throw new IllegalStateException(f + " must start with // expect: <phrase>");
                    String name = f.getFileName().toString();
                    return new WrongAnswer(name, name.substring(0, name.indexOf("--")), code, first.substring("// expect: ".length()).strip());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
