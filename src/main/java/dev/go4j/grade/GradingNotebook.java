package dev.go4j.grade;

import dev.go4j.notebook.Cell;
import dev.go4j.notebook.Notebook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notebook the grader runs for one submission: the learner's cells as submitted (answers, their own extra
 * cells, the course's demo cells), with every exercise's check cell and hidden tests taken from the source
 * notebook, as nbgrader restores locked cells.
 *
 * <p>Each source check cell goes where the learner's copy of it is, or right after the learner's stub cell if the
 * copy was deleted, preceded by the exercise's hidden tests. Cells tagged {@code check}, {@code hidden} or
 * {@code solution} in the submission are never run: an edited or deleted check cell is flagged, and the exercise
 * graded with the original. An exercise whose stub cell is missing is not run and scores 0.
 *
 * @param notebook       what to run
 * @param checkCells     the index in {@link #notebook} of each exercise's check cell (absent: not gradable)
 * @param answerCells    the index in {@link #notebook} of each exercise's answer (stub) cell
 * @param hiddenCells    the indexes in {@link #notebook} of each exercise's hidden test cells
 * @param flags          what was found wrong with the submission (edited check cells, missing cells)
 * @param missingAnswers the exercises whose answer cell is missing from the submission
 */
public record GradingNotebook(Notebook notebook, Map<String, Integer> checkCells, Map<String, Integer> answerCells,
                              Map<String, List<Integer>> hiddenCells, List<String> flags, List<String> missingAnswers) {

    /** Builds the grading notebook for {@code submission} against {@code source}. */
    public static GradingNotebook assemble(Notebook source, List<Exercise> exercises, Notebook submission) {
        List<String> flags = new ArrayList<>();
        Map<String, Exercise> byId = new LinkedHashMap<>();
        for (Exercise e : exercises) byId.put(e.id(), e);
        Map<String, Integer> submittedStub = new HashMap<>(), submittedCheck = new HashMap<>();
        List<Cell> cells = submission.cells();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            String role = roleOrNull(c);
            String id = c.go4jString("exercise");
            if (role == null || id == null || !byId.containsKey(id)) continue;
            if (role.equals(Exercises.STUB)) submittedStub.putIfAbsent(id, i);
            if (role.equals(Exercises.CHECK)) submittedCheck.putIfAbsent(id, i);
        }
        List<String> missing = new ArrayList<>();
        for (Exercise e : exercises) {
            if (!submittedStub.containsKey(e.id())) {
                missing.add(e.id());
                flags.add("the answer cell of exercise \"" + e.id() + "\" is missing from the submission; the exercise scores 0");
            } else if (!submittedCheck.containsKey(e.id())) {
                flags.add("the check cell of exercise \"" + e.id() + "\" was deleted; it was graded with the original");
            } else if (!Checksums.same(e.check(), cells.get(submittedCheck.get(e.id())))) {
                flags.add("the check cell of exercise \"" + e.id() + "\" was changed; it was graded with the original");
            }
        }
        List<Cell> out = new ArrayList<>();
        Map<String, Integer> checkAt = new LinkedHashMap<>(), answerAt = new LinkedHashMap<>();
        Map<String, List<Integer>> hiddenAt = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            String role = roleOrNull(c);
            String id = c.go4jString("exercise");
            boolean known = id != null && byId.containsKey(id) && !missing.contains(id);
            if (Exercises.CHECK.equals(role) || Exercises.HIDDEN.equals(role) || Exercises.SOLUTION.equals(role)) {
                if (!Exercises.CHECK.equals(role)) flags.add("a cell tagged " + role + " in the submission was ignored");
                if (known && Exercises.CHECK.equals(role) && submittedCheck.get(id) == i) addCheck(byId.get(id), out, checkAt, hiddenAt);
                continue;
            }
            out.add(c);
            if (known && Exercises.STUB.equals(role) && submittedStub.get(id) == i) {
                answerAt.put(id, out.size() - 1);
                if (!submittedCheck.containsKey(id)) addCheck(byId.get(id), out, checkAt, hiddenAt);
            }
        }
        return new GradingNotebook(source.withCells(out), checkAt, answerAt, hiddenAt, flags, missing);
    }

    private static void addCheck(Exercise e, List<Cell> out, Map<String, Integer> checkAt, Map<String, List<Integer>> hiddenAt) {
        for (Cell h : e.hidden()) {
            out.add(copyOf(h));
            hiddenAt.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(out.size() - 1);
        }
        out.add(copyOf(e.check()));
        checkAt.put(e.id(), out.size() - 1);
    }

    private static Cell copyOf(Cell c) {
        Cell copy = Cell.of(c.type(), c.source());
        copy.metadata().putAll(c.metadata());
        return copy;
    }

    private static String roleOrNull(Cell c) {
        try {
            return Exercises.role(c, "submission");
        } catch (ExerciseFormatException twoRoles) {
            return null; // a learner's confused tags: treat it as their own cell
        }
    }
}
