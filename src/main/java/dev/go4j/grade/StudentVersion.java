package dev.go4j.grade;

import dev.go4j.notebook.Cell;
import dev.go4j.notebook.Notebook;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a source notebook into the notebook learners get: reference solutions and hidden tests removed, the
 * outputs of exercise cells cleared (so no answer shows), and check cells locked (Jupyter's {@code editable} and
 * {@code deletable} set to false) with a checksum the grader verifies.
 */
public final class StudentVersion {
    private StudentVersion() {}

    /**
     * The student notebook made from {@code source}.
     *
     * @throws ExerciseFormatException if the source's exercise cells do not follow the authoring format
     */
    public static Notebook of(Notebook source) {
        Notebook copy = source.copy();
        Exercises.of(copy); // validates
        List<Cell> cells = new ArrayList<>();
        for (Cell c : copy.cells()) {
            String role = Exercises.role(c, copy.name());
            if (Exercises.SOLUTION.equals(role) || Exercises.HIDDEN.equals(role)) continue;
            if (Exercises.STUB.equals(role)) c.clearOutputs();
            if (Exercises.CHECK.equals(role)) {
                c.clearOutputs();
                c.metadata().put("editable", false);
                c.metadata().put("deletable", false);
                c.go4j().put("checksum", Checksums.of(c));
            }
            cells.add(c);
        }
        return copy.withCells(cells);
    }
}
