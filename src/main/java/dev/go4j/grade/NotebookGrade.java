package dev.go4j.grade;

import java.util.List;

/**
 * The grade of one submitted notebook.
 *
 * @param notebook  the source notebook's name ({@code 06-patterns})
 * @param exercises one grade per exercise of the source notebook, in order
 * @param flags     what was found wrong with the submission as a whole (tampering, missing cells, crashes)
 */
public record NotebookGrade(String notebook, List<ExerciseGrade> exercises, List<String> flags) {
    public NotebookGrade {
        exercises = List.copyOf(exercises);
        flags = List.copyOf(flags);
    }

    public double score() {
        return exercises.stream().mapToDouble(ExerciseGrade::score).sum();
    }

    public double max() {
        return exercises.stream().mapToDouble(ExerciseGrade::max).sum();
    }

    public ExerciseGrade exercise(String id) {
        return exercises.stream().filter(e -> e.exercise().equals(id)).findFirst().orElse(null);
    }
}
