package dev.go4j;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Wraps {@code System.out} and {@code System.err} so that goroutines of a program that has ended print
 * nothing more, as in Go, where they die with {@code main}. Everyone else's output passes through unchanged.
 */
final class OutputGate extends OutputStream {
    private final PrintStream target;

    private OutputGate(PrintStream target) {
        this.target = target;
    }

    /** Puts a gate in front of System.out and System.err, unless one is there already. */
    static synchronized void install() {
        if (!(System.out instanceof Gated)) System.setOut(new Gated(System.out));
        if (!(System.err instanceof Gated)) System.setErr(new Gated(System.err));
    }

    private static boolean closed() {
        Goroutine g = Goroutine.peek();
        return g != null && g.program.ended();
    }

    @Override
    public void write(int b) {
        if (!closed()) target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (!closed()) target.write(b, off, len);
    }

    @Override
    public void flush() {
        target.flush();
    }

    @Override
    public void close() throws IOException {
        target.flush();
    }

    /** The print stream that goes through the gate. */
    private static final class Gated extends PrintStream {
        Gated(PrintStream target) {
            super(new OutputGate(target), true, target.charset());
        }
    }
}
