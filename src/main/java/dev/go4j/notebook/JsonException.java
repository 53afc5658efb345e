package dev.go4j.notebook;

/** A JSON text that is not valid JSON, or a value that does not have the shape a notebook needs. */
public final class JsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem with a message that already says where it is. */
    public JsonException(String message) {
        super(message);
    }
}
