package dev.go4j;

import java.util.Objects;
import java.util.function.Function;

/**
 * Writes stack frames of code typed into JShell (a notebook cell) the way a learner knows that code: the method
 * and the line itself ({@code boring: c.send(msg + " " + i);}), instead of JShell's generated class names and
 * line numbers ({@code REPL.$JShell$20.boring($JShell$20.java:26)}). Used in deadlock reports, leak reports and
 * goroutine dumps.
 *
 * <p>JShell wraps each snippet in a generated class named after the snippet's number, a fixed number of lines
 * below the snippet's first line. A notebook kernel measures that number once ({@link #calibrate(int)}) and
 * says where to find a snippet's source ({@link #lookUpSources}); without them a frame shows only its method.
 */
public final class ReplFrames {
    private static final String PREFIX = "REPL.$JShell$";
    private static volatile int offset = -1;
    private static volatile Function<String, String> sources = n -> null;

    private ReplFrames() {}

    /**
     * Tells go4j how many lines JShell's wrapper adds before a snippet's first line. A kernel computes it by
     * running, as line 1 of a snippet, {@code ReplFrames.calibrate(new Throwable().getStackTrace()[0].getLineNumber() - 1)}.
     */
    public static void calibrate(int linesBeforeSnippet) {
        offset = linesBeforeSnippet;
    }

    /** Tells go4j how to find the source of a snippet from its number ({@code "20"} for {@code $JShell$20}), or null. */
    public static void lookUpSources(Function<String, String> sourceOfSnippet) {
        sources = Objects.requireNonNull(sourceOfSnippet, "sourceOfSnippet");
    }

    /** Whether {@code f} belongs to code typed into JShell. */
    static boolean isRepl(StackTraceElement f) {
        return f.getClassName().startsWith(PREFIX);
    }

    /** The frame as a learner reads it. */
    static String describe(StackTraceElement f) {
        if (!isRepl(f)) return f.toString();
        String where = where(f.getMethodName());
        String line = sourceLine(f);
        return line == null ? where : where + ": " + line;
    }

    /** The line of code the frame is at, as typed, or null if it cannot be found. */
    private static String sourceLine(StackTraceElement f) {
        int o = offset, n = f.getLineNumber() - o;
        if (o < 0 || n < 1) return null;
        String source;
        try {
            source = sources.apply(f.getClassName().substring(PREFIX.length()));
        } catch (RuntimeException e) {
            return null;
        }
        if (source == null) return null;
        String[] lines = source.split("\\R", -1);
        return n <= lines.length && !lines[n - 1].isBlank() ? lines[n - 1].strip() : null;
    }

    /** {@code do_it$} is a cell's own statements; {@code lambda$boring$0} a lambda inside {@code boring}. */
    private static String where(String method) {
        if (method.equals("do_it$")) return "the cell's code";
        if (method.startsWith("lambda$")) {
            String inside = method.substring("lambda$".length(), Math.max("lambda$".length(), method.lastIndexOf('$')));
            if (inside.endsWith("$")) inside = inside.substring(0, inside.length() - 1);
            return "a lambda in " + (inside.equals("do_it$") || inside.equals("do_it") ? "the cell's code" : inside);
        }
        return method;
    }
}
