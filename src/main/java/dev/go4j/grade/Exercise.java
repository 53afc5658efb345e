package dev.go4j.grade;

import dev.go4j.notebook.Cell;
import java.util.List;

/**
 * One exercise of a source notebook: the cells that carry its id in their {@code go4j.exercise} metadata, by role.
 *
 * @param id        the exercise's id, unique in its notebook ({@code "fan-in"})
 * @param points    what full marks are worth
 * @param statement the markdown cells tagged {@code exercise}
 * @param hints     the markdown cells tagged {@code hint}
 * @param stub      the code cell the learner edits (tag {@code stub})
 * @param solutions the reference solution cells (tag {@code solution}), source notebook only
 * @param hidden    the hidden test cells (tag {@code hidden}), source notebook only
 * @param check     the check cell (tag {@code check}), locked in student notebooks
 */
public record Exercise(String id, double points, List<Cell> statement, List<Cell> hints, Cell stub, List<Cell> solutions,
                       List<Cell> hidden, Cell check) {

    /** The exercise's title: the first line of its statement, without the markdown heading marks. */
    public String title() {
        for (Cell c : statement) {
            String first = c.source().strip().lines().findFirst().orElse("");
            if (!first.isEmpty()) return first.replaceFirst("^#+\\s*", "");
        }
        return id;
    }

    /** The hint cells' text, joined. */
    public String hintText() {
        StringBuilder sb = new StringBuilder();
        for (Cell c : hints) sb.append(c.source().strip()).append('\n');
        return sb.toString().strip();
    }
}
