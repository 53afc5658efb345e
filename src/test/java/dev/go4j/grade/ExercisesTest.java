package dev.go4j.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.go4j.notebook.Cell;
import dev.go4j.notebook.Notebook;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The exercise authoring format")
class ExercisesTest {

    @Test
    @DisplayName("finds each exercise's statement, stub, solution, hint, hidden tests and check with its points")
    void reads() {
        List<Exercise> all = Exercises.of(SampleExercises.source());
        assertEquals(List.of("fan-in", "counter", "count", "naturals", "first-or-timeout"), all.stream().map(Exercise::id).toList());
        Exercise fanIn = all.get(0);
        assertEquals(3.0, fanIn.points());
        assertEquals("Exercise 1: fan-in", fanIn.title());
        assertEquals(1, fanIn.solutions().size());
        assertEquals(1, fanIn.hidden().size());
        assertTrue(fanIn.hintText().startsWith("**Hint:** start one goroutine per input"));
        assertTrue(fanIn.check().source().contains("check(\"fan-in\", FanInTests.class);"));
    }

    @Nested
    @DisplayName("rejects, with a message naming the exercise,")
    class Rejects {
        private Notebook nb(Cell... cells) {
            return SampleExercises.source().withCells(List.of(cells));
        }

        private Cell cell(String type, String tag, String exercise, Double points) {
            Cell c = Cell.of(type, "x");
            c.setTags(Set.of(tag));
            c.go4j().put("exercise", exercise);
            if (points != null) c.go4j().put("points", points);
            return c;
        }

        @Test
        @DisplayName("an exercise without a stub")
        void noStub() {
            var e = assertThrows(ExerciseFormatException.class, () -> Exercises.of(nb(cell("code", "check", "a", 1.0))));
            assertTrue(e.getMessage().endsWith("exercise \"a\" has no stub cell (tag \"stub\")"), e.getMessage());
        }

        @Test
        @DisplayName("a check cell without points")
        void noPoints() {
            var e = assertThrows(ExerciseFormatException.class, () -> Exercises.of(nb(cell("code", "stub", "a", null), cell("code", "check", "a", null))));
            assertTrue(e.getMessage().contains("the check cell needs \"go4j\": {\"points\": N}"), e.getMessage());
        }

        @Test
        @DisplayName("a solution after the check, or a stub in markdown")
        void order() {
            assertThrows(ExerciseFormatException.class, () -> Exercises.of(nb(cell("code", "stub", "a", null), cell("code", "check", "a", 1.0),
                    cell("code", "solution", "a", null))));
            var e = assertThrows(ExerciseFormatException.class, () -> Exercises.of(nb(cell("markdown", "stub", "a", null))));
            assertTrue(e.getMessage().contains("must be a code cell"), e.getMessage());
        }

        @Test
        @DisplayName("a tagged cell without an exercise id")
        void noId() {
            Cell c = Cell.of("code", "x");
            c.setTags(Set.of("stub"));
            var e = assertThrows(ExerciseFormatException.class, () -> Exercises.of(nb(c)));
            assertTrue(e.getMessage().contains("has no \"go4j\": {\"exercise\": \"...\"}"), e.getMessage());
        }
    }

    @Nested
    @DisplayName("in the student version")
    class Student {
        private final Notebook source = SampleExercises.source();
        private final Notebook student = StudentVersion.of(source);

        @Test
        @DisplayName("solutions and hidden tests are removed")
        void removed() {
            assertEquals(source.cells().size() - 6, student.cells().size());
            assertFalse(student.cells().stream().anyMatch(c -> c.hasTag("solution") || c.hasTag("hidden")));
            assertFalse(student.toJson().contains("FanInHiddenTests"));
            assertFalse(student.toJson().contains("mu.lock(); try { n++; }"), "a reference solution leaked");
        }

        @Test
        @DisplayName("check cells are locked and checksummed, and exercise outputs are cleared")
        void locked() {
            for (Cell c : student.cells()) {
                if (c.hasTag("check")) {
                    assertEquals(false, c.metadata().get("editable"));
                    assertEquals(false, c.metadata().get("deletable"));
                    assertEquals(Checksums.of(c), c.go4jString("checksum"));
                }
                if (c.hasTag("check") || c.hasTag("stub")) assertEquals(List.of(), c.outputs());
            }
            assertEquals("warming up\n", student.cells().get(1).storedStream("stdout"), "other outputs are kept");
        }

        @Test
        @DisplayName("the source notebook is left as it was")
        void sourceUnchanged() {
            assertEquals(SampleExercises.source().toJson(), source.toJson());
        }
    }

    @Nested
    @DisplayName("when grading a submission")
    class Assembly {
        private final Notebook source = SampleExercises.source();
        private final List<Exercise> exercises = Exercises.of(source);

        @Test
        @DisplayName("the learner's extra cells are kept and every check cell comes from the source")
        void keepsLearnerCells() {
            Notebook sub = SampleExercises.submission(source, Map.of());
            sub.cells().add(4, Cell.of("code", "int helper() { return 1; }"));
            GradingNotebook g = GradingNotebook.assemble(source, exercises, sub);
            assertEquals(List.of(), g.flags());
            assertTrue(g.notebook().cells().stream().anyMatch(c -> c.source().equals("int helper() { return 1; }")));
            assertEquals(exercises.size(), g.checkCells().size());
            assertEquals(1, g.hiddenCells().get("fan-in").size());
        }

        @Test
        @DisplayName("an edited check cell is flagged and replaced by the original")
        void edited() {
            Notebook sub = SampleExercises.submission(source, Map.of());
            Cell check = sub.cells().stream().filter(c -> c.hasTag("check")).findFirst().orElseThrow();
            check.setSource("class FanInTests { @Test void ok() {} }\ncheck(\"fan-in\", FanInTests.class);");
            GradingNotebook g = GradingNotebook.assemble(source, exercises, sub);
            assertEquals(List.of("the check cell of exercise \"fan-in\" was changed; it was graded with the original"), g.flags());
            assertEquals(exercises.get(0).check().source(), g.notebook().cells().get(g.checkCells().get("fan-in")).source());
        }

        @Test
        @DisplayName("a deleted check cell is put back after the answer, and a deleted answer is flagged")
        void deleted() {
            Notebook sub = SampleExercises.submission(source, Map.of());
            sub.cells().removeIf(c -> "counter".equals(c.go4jString("exercise")) && c.hasTag("check"));
            sub.cells().removeIf(c -> "count".equals(c.go4jString("exercise")) && c.hasTag("stub"));
            GradingNotebook g = GradingNotebook.assemble(source, exercises, sub);
            assertTrue(g.flags().contains("the check cell of exercise \"counter\" was deleted; it was graded with the original"), g.flags().toString());
            assertTrue(g.flags().contains("the answer cell of exercise \"count\" is missing from the submission; the exercise scores 0"));
            assertEquals(g.answerCells().get("counter") + 1, g.checkCells().get("counter"));
            assertEquals(List.of("count"), g.missingAnswers());
            assertFalse(g.checkCells().containsKey("count"));
        }
    }
}
