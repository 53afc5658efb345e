package dev.go4j.notebook;

/**
 * A notebook file that cannot be used: not JSON, or JSON without the shape of a Jupyter notebook (nbformat 4).
 * The message names the file and says what is wrong and where.
 */
public final class NotebookFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}, which already names the notebook. */
    public NotebookFormatException(String message) {
        super(message);
    }
}
