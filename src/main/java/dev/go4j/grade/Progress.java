package dev.go4j.grade;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The grader's progress on a terminal: a bar redrawn in place, or, when the output is not a terminal (a log, CI),
 * one line per finished submission.
 */
final class Progress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final long start = System.nanoTime();
    private int done, unchanged;

    Progress(PrintStream out, boolean terminal, int total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        if (terminal) draw("");
    }

    synchronized void unchanged(String what) {
        done++;
        unchanged++;
        if (terminal) draw(what + " unchanged");
        else out.printf(Locale.ROOT, "[%d/%d] %s: unchanged, kept its grade%n", done, total, what);
    }

    synchronized void graded(String what, NotebookGrade grade, double seconds) {
        done++;
        String result = String.format(Locale.ROOT, "%s: %s / %s points (%.1f s)", what, number(grade.score()), number(grade.max()), seconds);
        if (terminal) draw(result);
        else out.printf(Locale.ROOT, "[%d/%d] %s%n", done, total, result);
    }

    synchronized void finish() {
        if (terminal) out.println();
        out.printf(Locale.ROOT, "graded %d submissions (%d unchanged) in %.1f s%n", done - unchanged, unchanged,
                (System.nanoTime() - start) / 1e9);
    }

    private void draw(String last) {
        int filled = total == 0 ? WIDTH : WIDTH * done / total;
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        String line = String.format(Locale.ROOT, "[%s] %d/%d  %s", bar, done, total, last);
        if (line.length() > 110) line = line.substring(0, 107) + "...";
        out.print("\r" + line + " ".repeat(Math.max(0, 110 - line.length())));
        out.flush();
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
