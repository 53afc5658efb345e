package dev.go4j;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Wraps {@code System.out} and {@code System.err} so that goroutines of a program that has ended print
 * nothing more, as in Go, where they die with {@code main}. Everyone else's output passes through unchanged.
 *
 * <p>The gate shuts between lines, never inside one. A line reaches it in several writes ({@code println} writes
 * the text, then the line break; {@code printf} writes each piece), and a program can end between two of them. A
 * goroutine that had begun a line then still finishes it, up to its line break: Go writes a line in one call, so a
 * line is printed whole or not at all. (A goroutine records whether it is inside a line in
 * {@link Goroutine#midLine}.)
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

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        Goroutine g = Goroutine.peek();
        if (g == null || len == 0) {
            target.write(b, off, len);
            return;
        }
        int n = len;
        if (g.program.ended()) {
            if (!g.midLine) return;
            int lineBreak = indexOf('\n', b, off, len);
            if (lineBreak >= 0) n = lineBreak - off + 1; // the rest of the line, and no more
        }
        target.write(b, off, n);
        g.midLine = b[off + n - 1] != '\n';
    }

    private static int indexOf(char c, byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) if (b[i] == c) return i;
        return -1;
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
