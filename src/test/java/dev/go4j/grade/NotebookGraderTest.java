package dev.go4j.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.go4j.notebook.Cell;
import dev.go4j.notebook.Notebook;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Grading in one JVM: answers that do not compile, hang or deadlock, and a learner who runs checks on their own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Grading a submission")
class NotebookGraderTest {
    private NotebookGrade grade;

    @BeforeAll
    void grade() {
        Notebook source = SampleExercises.source();
        Map<String, String> answers = new HashMap<>(SampleExercises.solutions(source));
        answers.put("fan-in", "<T> RecvChan<T> fanIn(RecvChan<T> a, RecvChan<T> b) { return a + b; }");
        answers.put("count", "RecvChan<Integer> count(int n) { Chan<Integer> c = chan(); c.send(0); return c; }");
        answers.put("naturals", "while (true) { }");
        Notebook sub = SampleExercises.submission(source, answers);
        Cell forged = Cell.of(Cell.CODE, "class Mine { @Test void ok() {} }\ncheck(\"counter\", Mine.class);");
        sub.cells().add(sub.cells().size(), forged);
        grade = new NotebookGrader(Duration.ofSeconds(20)).grade(source, sub, Map.of(), g -> {});
    }

    @Test
    @DisplayName("an answer that does not compile scores 0, and the reason quotes the compiler")
    void compileError() {
        ExerciseGrade g = grade.exercise("fan-in");
        assertEquals(0.0, g.score());
        assertTrue(g.reason().endsWith("your answer cell failed: bad operand types for binary operator '+'"), g.reason());
    }

    @Test
    @DisplayName("an answer that deadlocks is reported as a deadlock")
    void deadlock() {
        ExerciseGrade g = grade.exercise("count");
        assertEquals(0.0, g.score());
        assertTrue(g.tests().stream().anyMatch(t -> t.status().equals("DEADLOCK") && t.message().startsWith("deadlock: ")), g.tests().toString());
    }

    @Test
    @DisplayName("an answer cell that never ends is stopped and its exercise scores 0; the next exercises are graded")
    void endlessAnswer() {
        ExerciseGrade g = grade.exercise("naturals");
        assertEquals(0.0, g.score());
        assertTrue(g.reason().contains("your answer cell failed: stopped after 20 s"), g.reason());
        assertEquals(2.0, grade.exercise("first-or-timeout").score());
        assertEquals(2.0, grade.exercise("counter").score());
    }

    @Test
    @DisplayName("checks a learner runs in a cell of their own do not count, and are flagged")
    void forgedCheck() {
        assertTrue(grade.flags().stream().anyMatch(f -> f.startsWith("checks for \"counter\" run outside its check cell")), grade.flags().toString());
        assertEquals(List.of(2.0, 2.0), List.of(grade.exercise("counter").max(), grade.exercise("counter").score()));
    }
}
