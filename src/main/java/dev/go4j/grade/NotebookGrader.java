package dev.go4j.grade;

import dev.go4j.notebook.CellError;
import dev.go4j.notebook.CellResult;
import dev.go4j.notebook.CheckRecords;
import dev.go4j.notebook.Notebook;
import dev.go4j.notebook.NotebookRun;
import dev.go4j.notebook.NotebookRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Grades one submission against its source notebook in this JVM: assembles the {@link GradingNotebook}, runs it in
 * the {@link NotebookRunner}, and turns what each check cell reported into an {@link ExerciseGrade}.
 *
 * <p>Only results reported while the source's check cell of an exercise runs count for that exercise, so learner
 * code that calls {@code check(...)} itself cannot grade itself. Everything that goes wrong in a cell becomes a
 * reason on the affected exercise; this class throws only for a source notebook that is not valid.
 *
 * <p>This runs the learner's code in this JVM: the class grader calls it in a JVM of its own per submission.
 */
public final class NotebookGrader {
    private final Duration cellTimeLimit;

    public NotebookGrader(Duration cellTimeLimit) {
        this.cellTimeLimit = cellTimeLimit;
    }

    /**
     * @param skip       cells of the grading notebook not to run (they ended an earlier grading JVM), with why
     * @param onExercise told of each exercise's grade as soon as its check cell has run
     */
    public NotebookGrade grade(Notebook source, Notebook submission, Map<Integer, String> skip, Consumer<ExerciseGrade> onExercise) {
        return grade(source, submission, skip, onExercise, index -> {});
    }

    /** As above; {@code onCell} is told the index (in the grading notebook) of each cell that has run. */
    public NotebookGrade grade(Notebook source, Notebook submission, Map<Integer, String> skip, Consumer<ExerciseGrade> onExercise,
                               IntConsumer onCell) {
        return grade(source, submission, skip, onExercise, onCell, index -> {});
    }

    /**
     * As above; {@code onStuck} is told of a cell that could not be stopped (instead of {@code onCell}): after it,
     * the notebook's remaining cells do not run in this JVM.
     */
    public NotebookGrade grade(Notebook source, Notebook submission, Map<Integer, String> skip, Consumer<ExerciseGrade> onExercise,
                               IntConsumer onCell, IntConsumer onStuck) {
        List<Exercise> exercises = Exercises.of(source);
        GradingNotebook g = GradingNotebook.assemble(source, exercises, submission);
        Notebook nb = g.notebook();
        for (Map.Entry<Integer, String> s : skip.entrySet()) {
            if (s.getKey() >= 0 && s.getKey() < nb.cells().size()) {
                nb.cells().get(s.getKey()).setSource("// not run: " + s.getValue().replace('\n', ' '));
            }
        }
        Map<Integer, String> exerciseAtCheck = new HashMap<>();
        g.checkCells().forEach((id, at) -> exerciseAtCheck.put(at, id));
        Map<String, Exercise> byId = new LinkedHashMap<>();
        for (Exercise e : exercises) byId.put(e.id(), e);
        Map<String, ExerciseGrade> grades = new LinkedHashMap<>();
        Map<Integer, CellResult> answers = new HashMap<>();
        Set<Integer> answerCells = Set.copyOf(g.answerCells().values());
        Map<Integer, String> hiddenOf = new HashMap<>();
        g.hiddenCells().forEach((id, at) -> at.forEach(i -> hiddenOf.put(i, id)));
        Set<String> hiddenFailed = new java.util.HashSet<>();
        Set<Integer> leftRunaways = new java.util.HashSet<>();
        List<String> flags = new ArrayList<>(g.flags());
        CheckRecords.drain();
        NotebookRunner runner = NotebookRunner.withDefaults().cellTimeLimit(cellTimeLimit).onCell(r -> {
            List<CheckRecords.ExerciseRecord> records = CheckRecords.drain();
            if (r.error() != null && r.error().kind() == CellError.Kind.STUCK) onStuck.accept(r.cellIndex());
            else onCell.accept(r.cellIndex());
            if (answerCells.contains(r.cellIndex())) answers.put(r.cellIndex(), r);
            if (hiddenOf.containsKey(r.cellIndex()) && r.error() != null) hiddenFailed.add(hiddenOf.get(r.cellIndex()));
            String id = exerciseAtCheck.get(r.cellIndex());
            if (id == null) {
                for (CheckRecords.ExerciseRecord rec : records) {
                    flags.add("checks for \"" + rec.exercise() + "\" run outside its check cell (In [" + r.executionCount() + "]) were ignored");
                }
                return;
            }
            Exercise e = byId.get(id);
            // a failed or timed-out test may leave the answer spinning in a goroutine, starving the next exercises
            if (r.error() != null || records.stream().anyMatch(rec -> rec.passed() < rec.tests().size())) leftRunaways.add(r.cellIndex());
            String answerSkipped = skip.get(g.answerCells().get(id));
            ExerciseGrade grade = answerSkipped != null
                    ? ExerciseGrade.zero(id, e.points(), "your answer cell was not run: " + answerSkipped)
                    : gradeOf(e, r, records, answers.get(g.answerCells().get(id)), skip.get(r.cellIndex()), hiddenFailed.contains(id));
            grades.put(id, grade);
            onExercise.accept(grade);
        }).sweepAfter(r -> leftRunaways.contains(r.cellIndex()));
        runner.run(nb);
        List<ExerciseGrade> all = new ArrayList<>();
        for (Exercise e : exercises) {
            ExerciseGrade grade = grades.get(e.id());
            if (grade == null) {
                grade = ExerciseGrade.zero(e.id(), e.points(), g.missingAnswers().contains(e.id())
                        ? "your answer cell for this exercise is missing from the notebook"
                        : "the exercise was not checked");
                onExercise.accept(grade);
            }
            all.add(grade);
        }
        return new NotebookGrade(nameOf(source), all, flags);
    }

    private static ExerciseGrade gradeOf(Exercise e, CellResult check, List<CheckRecords.ExerciseRecord> records,
                                         CellResult answer, String skipped, boolean hiddenFailed) {
        CheckRecords.ExerciseRecord mine = null;
        for (CheckRecords.ExerciseRecord rec : records) if (rec.exercise().equals(e.id())) mine = rec;
        if (skipped != null) return ExerciseGrade.zero(e.id(), e.points(), "the check could not run: " + skipped);
        if (mine != null && (check.error() == null || check.error().kind() == CellError.Kind.EXCEPTION)) {
            List<CheckRecords.TestRecord> tests = new ArrayList<>(mine.tests());
            // hidden tests that could not even be defined must not vanish from the count
            if (hiddenFailed) tests.add(new CheckRecords.TestRecord("hidden checks", true, "ERROR", "the hidden checks could not run", ""));
            ExerciseGrade graded = ExerciseGrade.of(e.id(), e.points(), tests);
            return answer != null && answer.error() != null && !graded.reason().isEmpty()
                    ? new ExerciseGrade(graded.exercise(), graded.score(), graded.max(),
                            graded.reason() + "; your answer cell failed: " + answer.error().summary(), graded.tests())
                    : graded;
        }
        String why;
        if (check.error() == null) {
            why = "the check cell ran but reported no result for this exercise";
        } else {
            why = switch (check.error().kind()) {
                case COMPILE -> "the check could not use your code: " + check.error().summary();
                case TIMEOUT -> "the check " + check.error().summary();
                case STUCK -> "the check failed: " + check.error().summary();
                case NOT_RUN -> "the check was " + check.error().summary();
                case EXCEPTION -> "the check failed: " + check.error().summary();
            };
        }
        if (answer != null && answer.error() != null) why += " (your answer cell failed: " + answer.error().summary() + ")";
        return ExerciseGrade.zero(e.id(), e.points(), why);
    }

    /** A notebook's name without folder and extension: {@code notebooks/06-patterns.ipynb} → {@code 06-patterns}. */
    public static String nameOf(Notebook nb) {
        String n = nb.name().replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        return n.endsWith(".ipynb") ? n.substring(0, n.length() - ".ipynb".length()) : n;
    }
}
