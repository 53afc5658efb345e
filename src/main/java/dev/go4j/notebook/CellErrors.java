package dev.go4j.notebook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/** Turns what JShell reports into {@link CellError}s a learner can read. */
final class CellErrors {
    /** Frames outside the notebook shown after the learner's own; the rest are counted. */
    private static final int OTHER_FRAMES = 6;

    /** Where a snippet came from: its cell's execution count and the line in the cell where it starts. */
    record Origin(int executionCount, int firstLine) {}

    private CellErrors() {}

    static CellError compile(String cellSource, int snippetOffset, List<Diag> diags) {
        StringBuilder text = new StringBuilder();
        String summary = null;
        int firstLine = 0;
        for (Diag d : diags) {
            if (!d.isError()) continue;
            int at = snippetOffset + (int) Math.max(0, d.getStartPosition());
            if (d.getStartPosition() < 0) at = snippetOffset;
            int line = lineOf(cellSource, at);
            String message = d.getMessage(Locale.ROOT).strip();
            if (summary == null) {
                summary = message.lines().findFirst().orElse(message);
                firstLine = line;
            }
            text.append("line ").append(line).append(": ").append(message).append('\n');
            String src = lineText(cellSource, line);
            text.append("    ").append(src).append('\n');
            text.append("    ").append(" ".repeat(Math.max(0, at - lineStart(cellSource, line)))).append("^\n");
        }
        if (summary == null) {
            summary = "the cell does not compile";
            text.append(summary).append('\n');
        }
        return new CellError(CellError.Kind.COMPILE, summary, firstLine, null, text.toString());
    }

    static CellError unresolved(String what, List<String> missing, int line) {
        String summary = what + " cannot be used until " + String.join(", ", missing)
                + (missing.size() == 1 ? " is" : " are") + " declared";
        return new CellError(CellError.Kind.COMPILE, summary, line, null, "line " + line + ": " + summary + "\n");
    }

    /** A cell past its time limit; {@code dump} shows what each goroutine was doing then (may be empty). */
    static CellError timeout(Duration limit, boolean stopped, String dump) {
        String doing = dump.isBlank() ? "" : "What the goroutines were doing:\n\n" + dump;
        if (stopped) {
            String summary = "stopped after " + seconds(limit) + ": the cell ran longer than its time limit";
            return new CellError(CellError.Kind.TIMEOUT, summary, 0, null, summary + '\n' + doing);
        }
        String summary = "the cell ran longer than its time limit of " + seconds(limit) + " and could not be stopped";
        return new CellError(CellError.Kind.STUCK, summary, 0, null, summary + ", so the remaining cells were not run.\n" + doing);
    }

    static CellError notRun() {
        String summary = "not run: an earlier cell could not be stopped";
        return new CellError(CellError.Kind.NOT_RUN, summary, 0, null, summary + '\n');
    }

    static CellError exception(JShellException e, Map<String, Origin> origins, int executionCount) {
        if (e instanceof UnresolvedReferenceException u) {
            String summary = u.getSnippet().source().lines().findFirst().orElse("a definition").strip()
                    + " uses something that is not declared yet";
            return new CellError(CellError.Kind.EXCEPTION, summary, 0, null, summary + '\n');
        }
        String className = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
        String summary = headline(className, e.getMessage());
        StringBuilder text = new StringBuilder(summary).append('\n');
        int line = frames(e.getStackTrace(), origins, executionCount, text);
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String causeClass = cause instanceof EvalException ce ? ce.getExceptionClassName() : cause.getClass().getName();
            text.append("caused by ").append(headline(causeClass, cause.getMessage())).append('\n');
            frames(cause.getStackTrace(), origins, executionCount, text);
        }
        return new CellError(CellError.Kind.EXCEPTION, summary, line, className, text.toString());
    }

    /** {@code panic: <value>} for a Go panic, {@code Class: message} otherwise. */
    private static String headline(String className, String message) {
        if ("dev.go4j.Panic".equals(className)) return "panic: " + message;
        return message == null ? className : className + ": " + message;
    }

    /**
     * Appends the learner's frames (those in notebook cells) first, then a few of the others; returns the line in
     * the current cell of its innermost frame there, or 0.
     */
    private static int frames(StackTraceElement[] trace, Map<String, Origin> origins, int executionCount, StringBuilder text) {
        List<String> mine = new ArrayList<>();
        List<String> others = new ArrayList<>();
        int line = 0;
        for (StackTraceElement f : trace) {
            String file = f.getFileName();
            Origin o = file != null && file.startsWith("#") ? origins.get(file.substring(1)) : null;
            if (o == null) {
                if (!isMachinery(f)) others.add(plain(f));
                continue;
            }
            int cellLine = o.firstLine() + Math.max(1, f.getLineNumber()) - 1;
            if (line == 0 && o.executionCount() == executionCount) line = cellLine;
            String where = "In [" + o.executionCount() + "], line " + cellLine;
            String method = f.getMethodName();
            String owner = simpleOwner(f.getClassName());
            boolean topLevel = method.isEmpty() || method.equals("do_it$");
            String name = owner.isEmpty() ? method : owner + "." + method;
            if (method.startsWith("lambda$")) {
                String in = method.substring("lambda$".length()).replaceAll("\\$\\d+$", "");
                name = in.isEmpty() || in.equals("do_it$") ? "a lambda" : "a lambda in " + in;
            }
            mine.add(topLevel ? where : name + " (" + where + ")");
        }
        if (!mine.isEmpty()) {
            text.append("  in your code:\n");
            for (String m : mine) text.append("    at ").append(m).append('\n');
        }
        if (!others.isEmpty()) {
            text.append(mine.isEmpty() ? "  at:\n" : "  called from:\n");
            for (int i = 0; i < Math.min(OTHER_FRAMES, others.size()); i++) text.append("    at ").append(others.get(i)).append('\n');
            if (others.size() > OTHER_FRAMES) text.append("    ... ").append(others.size() - OTHER_FRAMES).append(" more\n");
        }
        return line;
    }

    /** A frame as Java prints it, without the class loader's name. */
    private static String plain(StackTraceElement f) {
        String where = f.isNativeMethod() ? "Native Method"
                : f.getFileName() == null ? "Unknown Source"
                : f.getLineNumber() >= 0 ? f.getFileName() + ":" + f.getLineNumber() : f.getFileName();
        return f.getClassName() + "." + f.getMethodName() + "(" + where + ")";
    }

    /** Frames of the runner and of reflection, which say nothing about the learner's program. */
    private static boolean isMachinery(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("dev.go4j.notebook.") || c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.")
                || c.startsWith("jdk.jshell.") || (c.equals("java.lang.Thread") && f.getMethodName().startsWith("run"));
    }

    /** {@code REPL.$JShell$12$Counter} → {@code Counter}; a snippet's own wrapper class → empty. */
    private static String simpleOwner(String className) {
        String s = className.replaceFirst("^REPL\\.\\$JShell\\$\\d+\\$?", "");
        return s.replace('$', '.');
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    private static int lineStart(String text, int line) {
        int at = 0;
        for (int l = 1; l < line; l++) at = text.indexOf('\n', at) + 1;
        return at;
    }

    private static String lineText(String text, int line) {
        int start = lineStart(text, line);
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
