package dev.go4j;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What go4j knows about one goroutine: its number, its name, its thread, and what it is blocked on. Go's
 * {@code g}. There is one for each {@link Go#go(Task)} call, and one, made on first use, for any other thread
 * that uses go4j (a notebook cell's thread, a test's thread).
 */
final class Goroutine {
    private static final AtomicLong IDS = new AtomicLong();
    private static final ThreadLocal<Goroutine> CURRENT = ThreadLocal.withInitial(() -> new Goroutine(null, Thread.currentThread()));

    final long id = IDS.incrementAndGet();
    final String name;
    final Thread thread;
    /** Go's wait reason ("chan receive", "select", ...), or null while the goroutine runs. */
    volatile String blockedOn;
    /** The channel, cases or sync object named by {@link #blockedOn}. */
    volatile Object blockedSubject;

    private Goroutine(String name, Thread thread) {
        this.name = name;
        this.thread = thread;
    }

    /** A goroutine that will run {@code body} on a new, not yet started, virtual thread. */
    private Goroutine(String name, Task body) {
        this.name = name;
        this.thread = Thread.ofVirtual().name(label()).unstarted(() -> run(body));
    }

    static Goroutine current() {
        return CURRENT.get();
    }

    /** Starts {@code body} on a new virtual thread. */
    static Goroutine start(String name, Task body) {
        Goroutine g = new Goroutine(name, body);
        g.thread.start();
        return g;
    }

    private void run(Task body) {
        CURRENT.set(this);
        try {
            body.run();
        } catch (Throwable t) {
            Panics.report(this, t);
        }
    }

    void block(String status, Object subject) {
        blockedSubject = subject;
        blockedOn = status;
    }

    void unblock() {
        blockedOn = null;
        blockedSubject = null;
    }

    /** How Go's goroutine dumps name it: {@code goroutine 7} or {@code goroutine 7 "producer"}. */
    String label() {
        return name == null ? "goroutine " + id : "goroutine " + id + " \"" + name + "\"";
    }

    @Override
    public String toString() {
        String state = blockedOn;
        return label() + " [" + (state == null ? "running" : state) + "]";
    }
}
