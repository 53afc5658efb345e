package dev.go4j;

import java.util.concurrent.ThreadFactory;

/**
 * What go4j knows about one goroutine: its number, its name, its thread, its program, and what it is blocked
 * on. Go's {@code g}. There is one for each {@link Go#go(Task)} call, and one, made on first use, for any other
 * thread that uses go4j (a notebook cell's thread, a test's thread): a "foreign" goroutine.
 */
final class Goroutine implements Runnable, Thread.UncaughtExceptionHandler {
    /** Foreign threads' goroutines. A spawned goroutine is found through its thread instead; see {@link #peek()}. */
    private static final ThreadLocal<Goroutine> FOREIGN = new ThreadLocal<>();
    /** Makes every goroutine's thread: one factory for all, where a builder per goroutine would be one more object. */
    private static final ThreadFactory THREADS = Thread.ofVirtual().factory();

    static {
        Carriers.atLeastTwo(); // before the first virtual thread, which sizes the JVM's scheduler
        endOneVirtualThread();
    }

    /** Its number in its program: main is 1, as in Go. */
    final long id;
    final String name;
    final Thread thread;
    /** Whether go4j started this goroutine; false for a foreign thread. */
    final boolean spawned;
    /** The program this goroutine belongs to: its starter's, or the REPL's for a foreign thread. */
    final Program program;
    /** The wait in progress, or null while the goroutine runs or sleeps. */
    volatile Parker parker;
    /** Go's wait reason ("chan receive", "select", "sleep", ...), or null while the goroutine runs. */
    volatile String blockedOn;
    /** The channel, cases, sync object or {@link Sleep} named by {@link #blockedOn}. */
    volatile Object blockedSubject;
    /**
     * The wait of another goroutine that this one ended with an unpark, since it last waited itself, or null.
     * Only this goroutine's thread reads and writes it; see {@link Parker#await(String, Object, int)}.
     */
    Parker lastWoken;
    /** The waiter of this goroutine's plain channel operations, made on its first wait; see {@link Waiter}. */
    Waiter plainWaiter;
    /** What a spawned goroutine runs, until it starts running it. */
    private Task body;
    /** Whether its last output through {@link OutputGate} ended inside a line. Only its own thread uses it. */
    boolean midLine;
    /** Whether it has waited in {@link Parker#await(String, Object, int)} before. Only its own thread uses it. */
    boolean waited;
    /**
     * The segment of the program's {@link Members} that holds it, and its slot there. A slot number is below
     * {@link Members.Segment#SIZE}, so it fits a byte, and with it the record fits in 64 bytes (with the JVM's
     * compressed references, its default below 32 GB of heap).
     */
    Members.Segment segment;
    byte slot;

    /** A foreign thread, seen for the first time. */
    private Goroutine(Thread thread) {
        this.id = Program.REPL.nextGoroutineId();
        this.name = thread.getName().isEmpty() ? null : thread.getName();
        this.thread = thread;
        this.spawned = false;
        this.program = Program.REPL;
        Program.REPL.join(this);
    }

    /** A goroutine that will run {@code body} on a new, not yet started, virtual thread. */
    private Goroutine(String name, Program program, Task body) {
        this.id = program.nextGoroutineId();
        this.name = name;
        this.spawned = true;
        this.program = program;
        this.body = body;
        // The goroutine is its thread's task and its thread's uncaught-exception handler: no objects of its own.
        this.thread = THREADS.newThread(this);
        thread.setUncaughtExceptionHandler(this);
    }

    /**
     * Starts one empty virtual thread, once, before any goroutine starts; it ends within microseconds. The JDK loads
     * some classes only when a virtual thread first ends. In a program whose goroutines all park before any of them
     * ends (a daisy chain), the compiler would build the end of a virtual thread's run without those classes, as a
     * trap, and every parked goroutine would take that trap, and deoptimize, as it ended: a pause of seconds.
     *
     * <p>Nothing waits for it to end: this runs in a class initializer, often on a virtual thread, which holds its
     * carrier while it waits, and every other virtual thread that needs this class holds its own. With as many of
     * them as carriers (one is enough on one carrier), the empty thread would never run, and none of them would again.
     */
    private static void endOneVirtualThread() {
        // A JDK method as the task: a lambda's body would be a method of this class, which the thread could not run
        // until this class is initialized.
        Thread.ofVirtual().start(Thread::onSpinWait);
    }

    /** The calling thread's goroutine, registering a foreign thread on first use. */
    static Goroutine current() {
        Goroutine g = peek();
        if (g == null) {
            g = new Goroutine(Thread.currentThread());
            FOREIGN.set(g);
        }
        return g;
    }

    /**
     * The calling thread's goroutine if it has one, without registering anything. A spawned goroutine is its
     * thread's uncaught-exception handler, so it is found with two field reads and costs no thread-local map: a
     * map per goroutine would weigh more than the goroutine record itself. (Code that replaces a goroutine's
     * handler makes its thread look foreign from then on: its operations still work, but deadlock detection and
     * dumps count it as a thread of the REPL.)
     */
    static Goroutine peek() {
        Thread t = Thread.currentThread();
        if (t.getUncaughtExceptionHandler() instanceof Goroutine g && g.thread == t) return g;
        return FOREIGN.get();
    }

    /** Starts {@code body} on a new virtual thread, in the calling goroutine's program. */
    static Goroutine start(String name, Task body) {
        return start(name, current().program, body);
    }

    /** Starts {@code body} on a new virtual thread in {@code program}. */
    static Goroutine start(String name, Program program, Task body) {
        return create(name, program, body).launch();
    }

    /** A goroutine that will run {@code body} in {@code program} once {@link #launch() launched}. */
    static Goroutine create(String name, Program program, Task body) {
        return new Goroutine(name, program, body);
    }

    Goroutine launch() {
        program.join(this); // counted before it starts, so the program never looks idle in between
        thread.start();
        return this;
    }

    /** The body of a spawned goroutine's thread. */
    @Override
    public void run() {
        Task task = body;
        body = null;
        // Only a named goroutine names its thread (here, not in the spawner, which may have more to start). A
        // thread name is two objects, kept as long as the goroutine lives, and the garbage collector copies them
        // for every parked goroutine; go4j's own dumps and reports number goroutines without it.
        if (name != null) thread.setName(label());
        Tracing.goroutineStarted(this);
        try {
            task.run();
        } catch (Throwable t) {
            program.panicked(this, t);
        } finally {
            lastWoken = null; // else each ended goroutine would keep the one it woke, and a chain of them, alive
            Tracing.goroutineEnded(this);
            program.leave(this);
        }
    }

    /** Reports a throwable that escaped {@link #run}, which catches everything its body throws, as a panic. */
    @Override
    public void uncaughtException(Thread t, Throwable e) {
        program.panicked(this, e);
    }

    void block(Parker p, String status, Object subject) {
        blockedSubject = subject;
        blockedOn = status;
        parker = p;
        Tracing.blocked(this, status, subject);
        program.blocked(this);
    }

    /** The wait is over; whoever ended it has already counted this goroutine as running. */
    void unblock() {
        parker = null;
        blockedOn = null;
        blockedSubject = null;
        Tracing.unblocked(this);
    }

    /**
     * A sleep of {@code duration}, which ends by itself at {@code wakeAt} ({@link System#nanoTime()}). An object
     * made per sleep, not fields of every goroutine: a sleep costs far more than the object, and the fields would
     * weigh on every parked goroutine.
     */
    record Sleep(java.time.Duration duration, long wakeAt) {}

    /** Marks a sleep of {@code d}: shown in dumps, but never part of a deadlock, since it ends by itself. */
    void sleeping(java.time.Duration d) {
        blockedSubject = new Sleep(d, System.nanoTime() + d.toNanos());
        blockedOn = "sleep";
    }

    void awake() {
        blockedOn = null;
        blockedSubject = null;
    }

    /**
     * Whether a goroutine that this one woke since its last wait has not run yet: it is then most likely queued
     * on this goroutine's carrier. Forgets the woken one.
     */
    boolean wokenOneQueued() {
        Parker w = lastWoken;
        if (w == null) return false;
        lastWoken = null;
        // It clears its parker once it runs again; a parker waiting again (a reused one) is a later wait.
        return w.goroutine().parker == w && !w.isWaiting();
    }

    /** When a sleeping goroutine wakes up ({@link System#nanoTime()}), or 0 when it does not sleep. */
    long wakeAt() {
        return blockedSubject instanceof Sleep sleep ? sleep.wakeAt() : 0;
    }

    /** Whether the goroutine waits in go4j and nothing has woken it yet. */
    boolean isAsleep() {
        Parker p = parker;
        return p != null && p.isWaiting();
    }

    /** How Go's goroutine dumps name it: {@code goroutine 7} or {@code goroutine 7 "producer"}. */
    String label() {
        return name == null ? "goroutine " + id : "goroutine " + id + " \"" + name + "\"";
    }

    /** Go's status word: the wait reason, or "running". */
    String status() {
        String s = blockedOn;
        return s == null ? "running" : s;
    }

    @Override
    public String toString() {
        return label() + " [" + status() + "]";
    }
}
