package dev.go4j;

/**
 * A goroutine of a {@link Program} ended by throwing, which ends the whole program as a panic does in Go. The
 * message reads as Go prints it ({@code panic: <value>} and which goroutine); the cause is what the goroutine
 * threw, and the stack trace is the goroutine's, so the learner's frames come first.
 */
public final class GoroutinePanic extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GoroutinePanic(Goroutine g, Throwable cause) {
        super("panic: " + Panics.valueOf(cause) + "\n\n" + g.label() + " [running]", cause, false, true);
        setStackTrace(cause.getStackTrace());
    }
}
