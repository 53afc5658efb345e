package dev.go4j;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A context that can be cancelled: what {@link Go#withCancel}, {@link Go#withTimeout} and
 * {@link Go#withDeadline} return. Go returns the context and its {@code cancel} function separately; here
 * {@link #cancel()} is a method, and pass the value on as a plain {@link Context} to keep callees from
 * cancelling it.
 *
 * <p>It is {@link AutoCloseable}: {@code try (var ctx = withTimeout(parent, d)) { ... }} cancels on the way
 * out, which is Go's {@code defer cancel()}.
 */
public final class CancelContext implements Context, AutoCloseable {
    private final Context parent;
    private final Instant deadline;             // null if none
    private final Chan<Void> done = new Chan<>("ctx.Done", 0);
    private ContextError err;                   // guarded by this
    private Set<CancelContext> children = new LinkedHashSet<>(); // guarded by this; null once done
    private Timers.Alarm timer;                 // guarded by this

    CancelContext(Context parent, Instant deadline) {
        this.parent = parent;
        this.deadline = deadline;
    }

    /** Links this new context to its parent and arms its deadline; called once, right after construction. */
    CancelContext start() {
        CancelContext p = cancellableAncestor(parent);
        if (p != null) {
            if (!p.adopt(this)) {
                cancel(p.err());
                return this;
            }
        } else if (parent.done() instanceof Chan<Void> pd && !pd.isNil()) {
            // A parent we cannot link to: watch it from a goroutine, as Go does.
            Go.go(() -> Go.select(Go.recv(pd, v -> cancel(parent.err())), Go.recv(done)));
        }
        if (deadline != null) {
            synchronized (this) {
                if (err == null) {
                    timer = Timers.once(java.time.Duration.between(Instant.now(), deadline),
                            () -> cancel(ContextError.DEADLINE_EXCEEDED));
                }
            }
        }
        return this;
    }

    /** The nearest ancestor that is a CancelContext, looking through value contexts, or null. */
    private static CancelContext cancellableAncestor(Context c) {
        while (c instanceof ValueContext v) c = v.parent();
        return c instanceof CancelContext cc ? cc : null;
    }

    /** Registers a child to cancel with this context; false if this context is already done. */
    private synchronized boolean adopt(CancelContext child) {
        if (children == null) return false;
        children.add(child);
        return true;
    }

    private synchronized void disown(CancelContext child) {
        if (children != null) children.remove(child);
    }

    /**
     * Cancels this context and every context derived from it; later calls do nothing. Go's {@code cancel()}.
     */
    public void cancel() {
        cancel(ContextError.CANCELED);
    }

    /** Same as {@link #cancel()}. */
    @Override
    public void close() {
        cancel();
    }

    private void cancel(ContextError why) {
        Set<CancelContext> kids;
        synchronized (this) {
            if (err != null) return;
            err = why;
            kids = children;
            children = null;
            if (timer != null) timer.cancel();
        }
        done.close();
        for (CancelContext k : kids) k.cancel(why);
        CancelContext p = cancellableAncestor(parent);
        if (p != null) p.disown(this);
    }

    @Override
    public RecvChan<Void> done() {
        return done;
    }

    @Override
    public synchronized ContextError err() {
        return err;
    }

    @Override
    public Optional<Instant> deadline() {
        return deadline != null ? Optional.of(deadline) : parent.deadline();
    }

    @Override
    public Object value(Object key) {
        return parent.value(key);
    }

    @Override
    public String toString() {
        ContextError e = err();
        return (deadline != null ? "context.WithDeadline(" + deadline + ")" : "context.WithCancel")
                + (e != null ? " [" + e.getMessage() + "]" : "");
    }
}
