package dev.go4j.notebook;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Sends what any thread prints on {@code System.out} and {@code System.err} to the cell it belongs to.
 *
 * <p>A cell's own thread, and every goroutine (virtual thread) started from it, directly or through other
 * goroutines, belong to that cell: the owner travels as an inheritable thread-local, which virtual threads
 * inherit. So a goroutine that prints after its cell ended still lands with its own cell (as late output), never
 * under the cell running at that moment. Platform threads that serve many cells (executor pools, the timer
 * thread, the common fork-join pool) belong to no cell: what they print goes to the cell running at that moment,
 * and goroutines they start belong to that cell too.
 *
 * <p>While no cell runs, output without an owner goes to the streams that were in place when the router was
 * installed. One notebook runs at a time in a JVM ({@link NotebookRunner} makes sure of it).
 */
final class OutputRouter {
    private static final ThreadLocal<Boolean> CELL_THREAD = new ThreadLocal<>();
    private static final InheritableThreadLocal<CellOutput> OWNER = new InheritableThreadLocal<>() {
        @Override
        protected CellOutput childValue(CellOutput parentValue) {
            // Runs in the parent thread while it creates the child.
            Thread parent = Thread.currentThread();
            return parent.isVirtual() || CELL_THREAD.get() != null ? parentValue : current;
        }
    };

    private static volatile CellOutput current;
    private static PrintStream originalOut, originalErr;
    private static int installs;

    private OutputRouter() {}

    /** Replaces System.out and System.err with routing streams; each call needs one {@link #uninstall()}. */
    static synchronized void install() {
        if (installs++ > 0) return;
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Route(false, originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Route(true, originalErr), true, StandardCharsets.UTF_8));
    }

    static synchronized void uninstall() {
        if (installs == 0 || --installs > 0) return;
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
        current = null;
    }

    /** The calling thread starts running a cell whose output goes to {@code output}. */
    static void enter(CellOutput output) {
        OWNER.set(output);
        current = output;
    }

    /** The calling thread has finished running its cell. */
    static void leave(CellOutput output) {
        System.out.flush();
        System.err.flush();
        if (current == output) current = null;
        OWNER.remove();
    }

    /** Marks the calling thread as a cell's own thread (JShell runs each snippet on a new thread). */
    static void markCellThread() {
        CELL_THREAD.set(Boolean.TRUE);
    }

    private static CellOutput ownerOf(Thread t) {
        if (t.isVirtual() || CELL_THREAD.get() != null) {
            CellOutput owner = OWNER.get();
            if (owner != null) return owner;
        }
        return current;
    }

    /** The bytes of one of the two streams, routed by the writing thread. */
    private static final class Route extends OutputStream {
        private final boolean stderr;
        private final OutputStream fallback;

        Route(boolean stderr, OutputStream fallback) {
            this.stderr = stderr;
            this.fallback = fallback != null ? fallback
                    : new FileOutputStream(stderr ? FileDescriptor.err : FileDescriptor.out);
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            CellOutput owner = ownerOf(Thread.currentThread());
            if (owner != null) {
                owner.write(stderr, b, off, len);
                return;
            }
            try {
                fallback.write(b, off, len);
            } catch (java.io.IOException ignored) {
                // nowhere left to report it
            }
        }

        @Override
        public void flush() {
            try {
                fallback.flush();
            } catch (java.io.IOException ignored) {
                // as above
            }
        }
    }
}
