package dev.go4j.grade;

import dev.go4j.notebook.Cell;
import dev.go4j.notebook.Notebook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the exercises of a notebook from its cells' tags and {@code go4j} metadata, and checks that they follow
 * the authoring format: each exercise has exactly one {@code stub} and one {@code check} cell, with
 * {@code points} on the check cell; solutions and hidden tests come after the stub and before the check.
 */
public final class Exercises {
    /** The tags that give a cell a role in an exercise. */
    public static final String STATEMENT = "exercise", HINT = "hint", STUB = "stub", SOLUTION = "solution",
            HIDDEN = "hidden", CHECK = "check";
    static final Set<String> ROLES = Set.of(STATEMENT, HINT, STUB, SOLUTION, HIDDEN, CHECK);

    private Exercises() {}

    /**
     * The notebook's exercises, in order of their stub cells.
     *
     * @throws ExerciseFormatException naming the notebook, the exercise and what is wrong
     */
    public static List<Exercise> of(Notebook nb) {
        Map<String, List<Integer>> byId = new LinkedHashMap<>();
        List<Cell> cells = nb.cells();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            String role = role(c, nb.name() + ": cell " + (i + 1));
            if (role == null) continue;
            String id = c.go4jString("exercise");
            if (id == null || id.isBlank()) {
                throw new ExerciseFormatException(nb.name() + ": cell " + (i + 1) + " is tagged " + role
                        + " but has no \"go4j\": {\"exercise\": \"...\"} in its metadata");
            }
            byId.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
        }
        List<Exercise> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byId.entrySet()) out.add(build(nb, e.getKey(), e.getValue()));
        return out;
    }

    /** The role tag of a cell, or null; a cell with two roles is an error. */
    static String role(Cell c, String where) {
        String found = null;
        for (String t : c.tags()) {
            if (!ROLES.contains(t)) continue;
            if (found != null) throw new ExerciseFormatException(where + " has two exercise roles: " + found + " and " + t);
            found = t;
        }
        return found;
    }

    private static Exercise build(Notebook nb, String id, List<Integer> indexes) {
        String where = nb.name() + ": exercise \"" + id + "\"";
        List<Cell> statement = new ArrayList<>(), hints = new ArrayList<>(), solutions = new ArrayList<>(), hidden = new ArrayList<>();
        Integer stub = null, check = null;
        int lastSolution = -1, firstHidden = Integer.MAX_VALUE, lastHidden = -1;
        for (int i : indexes) {
            Cell c = nb.cells().get(i);
            String role = role(c, where);
            boolean code = c.isCode();
            switch (role) {
                case STATEMENT -> statement.add(c);
                case HINT -> hints.add(c);
                case STUB -> {
                    if (stub != null) throw new ExerciseFormatException(where + " has two stub cells (cells " + (stub + 1) + " and " + (i + 1) + ")");
                    stub = i;
                }
                case SOLUTION -> {
                    solutions.add(c);
                    lastSolution = i;
                }
                case HIDDEN -> {
                    hidden.add(c);
                    firstHidden = Math.min(firstHidden, i);
                    lastHidden = i;
                }
                case CHECK -> {
                    if (check != null) throw new ExerciseFormatException(where + " has two check cells (cells " + (check + 1) + " and " + (i + 1) + ")");
                    check = i;
                }
                default -> throw new IllegalStateException(role);
            }
            boolean wantsCode = !role.equals(STATEMENT) && !role.equals(HINT);
            if (wantsCode != code) {
                throw new ExerciseFormatException(where + ": the " + role + " cell (cell " + (i + 1) + ") must be a "
                        + (wantsCode ? "code" : "markdown") + " cell");
            }
        }
        if (stub == null) throw new ExerciseFormatException(where + " has no stub cell (tag \"stub\")");
        if (check == null) throw new ExerciseFormatException(where + " has no check cell (tag \"check\")");
        if (check < stub) throw new ExerciseFormatException(where + ": the check cell must come after the stub cell");
        if (lastSolution > check || (lastSolution >= 0 && lastSolution < stub)) {
            throw new ExerciseFormatException(where + ": solution cells must come after the stub and before the check cell");
        }
        if (lastHidden >= 0 && (firstHidden < stub || lastHidden > check)) {
            throw new ExerciseFormatException(where + ": hidden test cells must come after the stub and before the check cell");
        }
        Cell checkCell = nb.cells().get(check);
        Object points = checkCell.go4j().get("points");
        if (!(points instanceof Number p) || p.doubleValue() <= 0) {
            throw new ExerciseFormatException(where + ": the check cell needs \"go4j\": {\"points\": N} with N > 0 (found " + points + ")");
        }
        return new Exercise(id, ((Number) points).doubleValue(), statement, hints, nb.cells().get(stub), solutions, hidden, checkCell);
    }
}
