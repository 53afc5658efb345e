package dev.go4j;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A goroutine started by a test, which the test can watch: whether it is blocked (and on what, as the
 * runtime itself records it), whether it finished, and how.
 */
final class Spawned<T> {
    static final Duration PATIENCE = Duration.ofSeconds(10);

    interface Body<T> {
        T run() throws Exception;
    }

    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Goroutine goroutine;

    private Spawned(Body<T> body) {
        goroutine = Goroutine.start("test", () -> {
            try {
                result.complete(body.run());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
    }

    /** The goroutine that runs the body. */
    Goroutine goroutine() {
        return goroutine;
    }

    static <T> Spawned<T> spawn(Body<T> body) {
        return new Spawned<>(body);
    }

    static Spawned<Void> spawnTask(Task body) {
        return new Spawned<>(() -> {
            body.run();
            return null;
        });
    }

    /** Waits until the goroutine is parked in go4j with the given wait reason (Go's words, e.g. "chan send"). */
    Spawned<T> awaitBlocked(String status) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!status.equals(goroutine.blockedOn)) {
            if (result.isDone()) fail("expected the goroutine to block on " + status + " but it finished: " + describe());
            if (System.nanoTime() > deadline) fail("goroutine did not block on " + status + " (state: " + goroutine + ")");
            Thread.onSpinWait();
            Thread.yield();
        }
        assertEquals(status, goroutine.blockedOn);
        return this;
    }

    boolean isDone() {
        return result.isDone();
    }

    /** Waits for the goroutine to finish and returns its result, or throws what it threw. */
    T join() throws Throwable {
        try {
            return result.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("goroutine did not finish (state: " + goroutine + ")");
        }
    }

    /** Waits for the goroutine to finish by throwing, and returns what it threw. */
    Throwable failure() {
        try {
            result.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("goroutine did not finish (state: " + goroutine + ")", e);
        }
        throw new AssertionError("goroutine finished normally, but a failure was expected");
    }

    void interrupt() {
        goroutine.thread.interrupt();
    }

    String describe() {
        return result.isCompletedExceptionally() ? "threw " + failure() : "returned " + result.getNow(null);
    }
}
