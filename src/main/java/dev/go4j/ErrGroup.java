package dev.go4j;

import java.util.Objects;

/**
 * Runs a group of goroutines for one task and collects the first error: Go's
 * {@code golang.org/x/sync/errgroup.Group}. Made by {@link Go#errGroup()} or {@link Go#errGroup(Context)}.
 *
 * <p>A goroutine's error is any exception its {@link Task} throws. The first one is kept, and, for a group made
 * with a context, cancels {@link #ctx()} so the other goroutines can stop early. A {@link Panic} is not an error:
 * as in errgroup, it is re-thrown by {@link #await()}.
 */
public final class ErrGroup {
    private final WaitGroup wg = new WaitGroup();
    private final CancelContext ctx; // null for a group made without a context
    private Exception err;           // the first error; guarded by this
    private Panic panic;             // the first panic; guarded by this
    private Chan<Boolean> slots;     // tokens for setLimit, or null for no limit

    ErrGroup(CancelContext ctx) {
        this.ctx = ctx;
    }

    /** The group's context, cancelled by the first error or when {@link #await()} returns. Null without one. */
    public Context ctx() {
        return ctx;
    }

    /**
     * Limits the number of goroutines running at once to {@code n}; {@link #go(Task)} blocks until one may
     * start. A negative {@code n} means no limit. Go's {@code g.SetLimit(n)}.
     *
     * @throws IllegalStateException if goroutines of the group are running
     */
    public void setLimit(int n) {
        if (wg.count() != 0) throw new IllegalStateException("errgroup: modify limit while " + wg.count() + " goroutines in the group are still active");
        slots = n < 0 ? null : new Chan<>("errgroup.limit", n);
    }

    /** Runs {@code task} in a new goroutine, waiting first for a free slot if a limit is set. Go's {@code g.Go(f)}. */
    public void go(Task task) {
        Objects.requireNonNull(task, "task");
        if (slots != null) slots.send(Boolean.TRUE);
        start(task);
    }

    /** Runs {@code task} in a new goroutine only if a slot is free now. Go's {@code g.TryGo(f)}. */
    public boolean tryGo(Task task) {
        Objects.requireNonNull(task, "task");
        if (slots != null && !slots.trySend(Boolean.TRUE)) return false;
        start(task);
        return true;
    }

    private void start(Task task) {
        Chan<Boolean> s = slots;
        wg.add(1);
        Go.go(() -> {
            try {
                task.run();
            } catch (Panic p) {
                synchronized (this) {
                    if (panic == null) panic = p;
                }
                if (ctx != null) ctx.cancel();
            } catch (Exception e) {
                synchronized (this) {
                    if (err == null) err = e;
                }
                if (ctx != null) ctx.cancel();
            } finally {
                if (s != null) s.recv();
                wg.done();
            }
        });
    }

    /**
     * Waits for every goroutine of the group, then returns the first error, or null. Go's {@code g.Wait()}.
     *
     * @throws Panic the first panic of a goroutine of the group, if there was one
     */
    public Exception await() {
        wg.await();
        if (ctx != null) ctx.cancel();
        synchronized (this) {
            if (panic != null) throw panic;
            return err;
        }
    }

    @Override
    public String toString() {
        return "ErrGroup(running=" + wg.count() + ")";
    }
}
