package dev.go4j.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.go4j.notebook.CheckRecords.TestRecord;
import dev.go4j.notebook.Notebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * For every exercise of every source notebook (the sample in the test resources and every notebook under
 * {@code src/notebooks/} that has exercises): the reference solution scores full marks and the untouched stub scores
 * zero. And every known-wrong answer of the corpus is caught, with the reason the learner needs.
 */
@DisplayName("Exercise self-tests")
class ExerciseSelfTest {
    private static final NotebookGrader GRADER = new NotebookGrader(Duration.ofSeconds(120));

    static List<Path> sourceNotebooks() throws IOException {
        List<Path> out = new ArrayList<>(List.of(SampleExercises.sourcePath()));
        Path course = Path.of("src/notebooks");
        if (Files.isDirectory(course)) {
            try (Stream<Path> files = Files.walk(course)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".ipynb") && !f.toString().contains(".ipynb_checkpoints")).sorted().toList()) {
                    if (!Exercises.of(Notebook.read(p)).isEmpty()) out.add(p);
                }
            }
        }
        return out;
    }

    @TestFactory
    @DisplayName("reference solutions score full marks, untouched stubs score zero")
    Stream<DynamicNode> referenceAndStub() throws IOException {
        return sourceNotebooks().stream().flatMap(path -> Stream.of(
                dynamicTest(path + ": reference solutions score full marks", () -> {
                    Notebook source = Notebook.read(path);
                    for (Exercise e : Exercises.of(source)) {
                        assertTrue(!e.solutions().isEmpty(), path + ": exercise \"" + e.id()
                                + "\" has no reference solution (a code cell tagged solution after its stub)");
                    }
                    NotebookGrade grade = GRADER.grade(source, SampleExercises.submission(source, SampleExercises.solutions(source)), Map.of(), g -> {});
                    for (ExerciseGrade g : grade.exercises()) {
                        assertEquals(g.max(), g.score(), path + ": the reference solution of \"" + g.exercise() + "\" scores "
                                + g.score() + " of " + g.max() + ": " + g.reason() + describe(g));
                    }
                    assertEquals(List.of(), grade.flags());
                }),
                dynamicTest(path + ": untouched stubs score zero", () -> {
                    Notebook source = Notebook.read(path);
                    NotebookGrade grade = GRADER.grade(source, StudentVersion.of(source), Map.of(), g -> {});
                    for (ExerciseGrade g : grade.exercises()) {
                        assertEquals(0.0, g.score(), path + ": the untouched stub of \"" + g.exercise() + "\" scores " + g.score() + describe(g));
                    }
                })));
    }

    @Test
    @DisplayName("every known-wrong answer (sequential fan-in, leaky generator, racy counter, unclosed range, busy-wait select) is caught")
    void wrongAnswersAreCaught() {
        Notebook source = SampleExercises.source();
        List<SampleExercises.WrongAnswer> corpus = SampleExercises.wrongAnswers();
        assertTrue(corpus.size() >= 5, "the corpus has " + corpus.size() + " answers");
        // The corpus answers target different exercises, so one submission holds one wrong answer per exercise.
        Map<String, String> answers = new LinkedHashMap<>(SampleExercises.solutions(source));
        Map<String, SampleExercises.WrongAnswer> byExercise = new HashMap<>();
        for (SampleExercises.WrongAnswer w : corpus) {
            assertTrue(byExercise.put(w.exercise(), w) == null, "two wrong answers for " + w.exercise() + ": make a second submission");
            answers.put(w.exercise(), w.code());
        }
        NotebookGrade grade = GRADER.grade(source, SampleExercises.submission(source, answers), Map.of(), g -> {});
        for (SampleExercises.WrongAnswer w : corpus) {
            ExerciseGrade g = grade.exercise(w.exercise());
            assertTrue(g.score() < g.max(), w.file() + " was not caught: it scored full marks");
            String feedback = g.reason() + describe(g);
            assertTrue(feedback.contains(w.expect()), w.file() + ": the feedback should say \"" + w.expect() + "\" but is:\n" + feedback);
        }
    }

    private static String describe(ExerciseGrade g) {
        StringBuilder sb = new StringBuilder();
        for (TestRecord t : g.tests()) sb.append("\n  ").append(t.status()).append(' ').append(t.name()).append(": ").append(t.message());
        return sb.toString();
    }
}
