package dev.go4j.kernel;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes side of {@link CellOutput#printStream}: hands each write, decoded, to the {@link CellOutput}. The
 * print stream in front of it encodes whole strings, so a write never splits a character.
 */
final class CellStream extends OutputStream {
    private final CellOutput output;
    private final OutputKind kind;

    CellStream(CellOutput output, OutputKind kind) {
        this.output = output;
        this.kind = kind;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        output.write(kind, new String(b, off, len, StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
        output.flush();
    }
}
