package dev.go4j.grade;

/** A source notebook whose exercise cells do not follow the authoring format (see DEVELOPERS.md). */
public final class ExerciseFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExerciseFormatException(String message) {
        super(message);
    }
}
