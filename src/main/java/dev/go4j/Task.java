package dev.go4j;

/**
 * A block of code that may throw, run by a goroutine: the body of {@code go func() { ... }()}.
 *
 * <p>It is a {@link Runnable} that may throw checked exceptions, so a lambda passed to {@link Go#go(Task)} can
 * call methods that declare them.
 */
@FunctionalInterface
public interface Task {
    /** Runs the code. */
    void run() throws Exception;
}
