package dev.go4j;

/**
 * Why a {@link Context} is done: Go's {@code context.Canceled} and {@code context.DeadlineExceeded}.
 * {@link Context#err()} returns one of the two constants, which compare with {@code ==} as Go's errors do.
 */
public final class ContextError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The context was cancelled: "context canceled". */
    public static final ContextError CANCELED = new ContextError("context canceled");
    /** The context's deadline passed: "context deadline exceeded". */
    public static final ContextError DEADLINE_EXCEEDED = new ContextError("context deadline exceeded");

    private ContextError(String message) {
        super(message, null, false, false); // a shared constant: no stack trace
    }
}
