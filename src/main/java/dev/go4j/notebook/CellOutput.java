package dev.go4j.notebook;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What one cell printed, on stdout and stderr, kept up to a limit. Bytes that arrive after the cell
 * {@linkplain #finish() finished} (from goroutines it started that are still running) are kept apart as late
 * output, so they are reported with the cell that started them and never with another.
 *
 * <p>Thread-safe: any thread may write at any time.
 */
final class CellOutput {
    private final int limit;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream lateOut = new ByteArrayOutputStream();
    private final ByteArrayOutputStream lateErr = new ByteArrayOutputStream();
    private long droppedOut, droppedErr, droppedLateOut, droppedLateErr;
    private boolean finished;

    /** @param limit bytes kept per stream; the rest is counted and reported as truncated */
    CellOutput(int limit) {
        this.limit = limit;
    }

    synchronized void write(boolean stderr, byte[] b, int off, int len) {
        ByteArrayOutputStream target = finished ? (stderr ? lateErr : lateOut) : (stderr ? err : out);
        int room = Math.max(0, limit - target.size());
        int kept = Math.min(room, len);
        target.write(b, off, kept);
        long dropped = len - kept;
        if (dropped == 0) return;
        if (finished) {
            if (stderr) droppedLateErr += dropped;
            else droppedLateOut += dropped;
        } else if (stderr) {
            droppedErr += dropped;
        } else {
            droppedOut += dropped;
        }
    }

    /** Marks the end of the cell: what is written from now on is late output. */
    synchronized void finish() {
        finished = true;
    }

    synchronized String stdout() {
        return text(out, droppedOut);
    }

    synchronized String stderr() {
        return text(err, droppedErr);
    }

    synchronized String lateStdout() {
        return text(lateOut, droppedLateOut);
    }

    synchronized String lateStderr() {
        return text(lateErr, droppedLateErr);
    }

    synchronized boolean truncated() {
        return droppedOut + droppedErr > 0;
    }

    private String text(ByteArrayOutputStream buf, long dropped) {
        String s = buf.toString(StandardCharsets.UTF_8);
        if (dropped == 0) return s;
        if (!s.isEmpty() && !s.endsWith("\n")) s += "\n";
        return s + "[output truncated: " + dropped + " more bytes were printed than the limit of " + limit
                + " bytes per stream allows]\n";
    }
}
