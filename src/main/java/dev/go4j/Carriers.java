package dev.go4j;

import java.lang.reflect.Field;
import java.util.concurrent.ForkJoinPool;

/**
 * The carrier threads that run goroutines: the JVM's virtual-thread scheduler, a {@link ForkJoinPool} with
 * one carrier per core by default, and at least two ({@link #atLeastTwo()}). Go's Ps (processors);
 * {@link Go#gomaxprocs(int)} changes their number.
 *
 * <p>The JDK offers no public way to reach its scheduler, so this reads it reflectively, which needs
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED} (the go4j kernel and tools pass it).
 */
final class Carriers {
    private static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";
    /** {@link #count()}, or 0 until it is first asked. */
    private static volatile int count;

    private Carriers() {}

    /**
     * Gives goroutines at least two carriers on a machine with one core, unless the JVM was told how many to use.
     * Go preempts a goroutine that runs for long without blocking; the JVM never preempts a virtual thread. On a
     * single carrier, one goroutine in a busy loop would keep every other goroutine from running, for as long as
     * it loops. With two carriers, the operating system shares the core between them, and the others go on.
     *
     * <p>The JVM reads the property when it makes its first virtual thread, so this must run before that; if the
     * scheduler was made earlier, it is resized, where the JVM allows it (see {@link #scheduler()}).
     */
    static void atLeastTwo() {
        if (Runtime.getRuntime().availableProcessors() > 1 || System.getProperty(PARALLELISM) != null) return;
        System.setProperty(PARALLELISM, "2");
        try {
            ForkJoinPool pool = scheduler();
            if (pool.getParallelism() < 2) pool.setParallelism(2);
        } catch (UnsupportedOperationException notAllowed) {
            // a scheduler made before go4j was loaded, in a JVM without the option: it keeps one carrier
        }
    }

    static ForkJoinPool scheduler() {
        try {
            Field f = Class.forName("java.lang.VirtualThread").getDeclaredField("DEFAULT_SCHEDULER");
            f.setAccessible(true);
            return (ForkJoinPool) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UnsupportedOperationException("changing the number of carrier threads needs the JVM option "
                    + "--add-opens java.base/java.lang=ALL-UNNAMED (the go4j kernel sets it); "
                    + "or start the JVM with -Djdk.virtualThreadScheduler.parallelism=N", e);
        }
    }

    /** Sets how many carriers run goroutines at once; returns the previous number. */
    static int setParallelism(int n) {
        if (n < 1) throw new IllegalArgumentException("GOMAXPROCS must be at least 1: " + n);
        ForkJoinPool pool = scheduler();
        int previous = pool.setParallelism(n);
        count = n;
        return previous;
    }

    /** How many carriers there are: {@link #parallelism()}, read once and kept, since every wait asks. */
    static int count() {
        int n = count;
        if (n == 0) count = n = parallelism();
        return n;
    }

    static int parallelism() {
        try {
            return scheduler().getParallelism();
        } catch (UnsupportedOperationException e) {
            return Integer.getInteger(PARALLELISM, Runtime.getRuntime().availableProcessors());
        }
    }

    /** The carrier thread running the calling goroutine, e.g. {@code ForkJoinPool-1-worker-2}; the thread's own name otherwise. */
    static String current() {
        Thread t = Thread.currentThread();
        if (!t.isVirtual()) return t.getName();
        String s = t.toString(); // VirtualThread[#22,name]/runnable@ForkJoinPool-1-worker-1
        int at = s.lastIndexOf('@');
        return at >= 0 ? s.substring(at + 1) : s;
    }
}
