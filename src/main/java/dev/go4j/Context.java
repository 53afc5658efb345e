package dev.go4j;

import java.time.Instant;
import java.util.Optional;

/**
 * Carries a cancellation signal, a deadline and request-scoped values across goroutines: Go's
 * {@code context.Context}. Made by {@link Go#background()}, {@link Go#withCancel(Context)},
 * {@link Go#withTimeout(Context, java.time.Duration)}, {@link Go#withDeadline(Context, Instant)} and
 * {@link Go#withValue(Context, Object, Object)}.
 *
 * <p>A context is done when it is cancelled, when its deadline passes, or when its parent is done; then its
 * {@link #done()} channel is closed and {@link #err()} says why. Cancelling a context cancels all the contexts
 * derived from it, never its parent.
 */
public interface Context {
    /**
     * A channel that is closed when this context is done; receiving from it is how a goroutine waits for
     * cancellation, often as a select case. For a context that can never be done it is the nil channel.
     */
    RecvChan<Void> done();

    /**
     * Null while the context is not done; afterwards {@link ContextError#CANCELED} or
     * {@link ContextError#DEADLINE_EXCEEDED}.
     */
    ContextError err();

    /** When this context will be done by itself, if it has a deadline. */
    Optional<Instant> deadline();

    /** The value stored for {@code key} in this context or its ancestors, or null. */
    Object value(Object key);
}
