package dev.go4j;

import java.util.Objects;

/**
 * Runs an action exactly once, however many goroutines ask: Go's {@code sync.Once}.
 *
 * <p>{@link #run(Runnable)} is Go's {@code once.Do(f)} ({@code do} is a Java keyword). Callers that arrive
 * while the action runs wait for it to finish. If the action throws, it still counts as done, as in Go, and
 * the exception goes to the caller that ran it.
 *
 * <p>Memory effects: the action's completion happens-before any {@code run} returns.
 */
public final class Once {
    private volatile boolean done;
    private final Mutex mutex = new Mutex();

    /** Runs {@code action} if no call of this method has run one before. */
    public void run(Runnable action) {
        Objects.requireNonNull(action, "action");
        if (done) return;
        mutex.lock();
        try {
            if (!done) {
                try {
                    action.run();
                } finally {
                    done = true;
                }
            }
        } finally {
            mutex.unlock();
        }
    }

    /** Whether the action has run. */
    public boolean isDone() {
        return done;
    }

    @Override
    public String toString() {
        return "Once(" + (done ? "done" : "not done") + ")";
    }
}
