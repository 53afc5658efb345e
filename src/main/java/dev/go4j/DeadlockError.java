package dev.go4j;

/**
 * Every goroutine of a program is blocked on a go4j operation and nothing can wake any of them: Go's
 * {@code fatal error: all goroutines are asleep - deadlock!}. The message then lists each goroutine, what it
 * waits on (channel, capacity, buffered values) and the learner's source line.
 *
 * <p>It is an {@link Error}, as it is fatal in Go: {@code catch (Exception e)} does not swallow it.
 */
public final class DeadlockError extends Error {
    private static final long serialVersionUID = 1L;

    /** Go's words, the first line of every deadlock report. */
    public static final String GO_MESSAGE = "fatal error: all goroutines are asleep - deadlock!";

    private final String goroutines;

    DeadlockError(String goroutines) {
        super(GO_MESSAGE + "\n\n" + goroutines, null, false, false);
        this.goroutines = goroutines;
    }

    /** The blocked goroutines, one paragraph each. */
    public String goroutines() {
        return goroutines;
    }
}
