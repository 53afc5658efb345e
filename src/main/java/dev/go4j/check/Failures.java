package dev.go4j.check;

import java.util.List;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.ValueWrapper;

/** Describes why a test failed in a learner's terms: expected vs. actual, or what the answer threw and where. */
final class Failures {
    /** What go4j's runtime says when every goroutine is blocked, as Go does. */
    static final String GO_DEADLOCK = "all goroutines are asleep - deadlock!";
    private static final int MAX_DEADLOCK_LINES = 8;

    private Failures() {}

    static boolean isDeadlock(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (Objects.toString(c.getMessage(), "").contains(GO_DEADLOCK)) return true;
        }
        return false;
    }

    static String describe(Throwable t) {
        if (isDeadlock(t)) return deadlock(t);
        if (t instanceof AssertionFailedError a && a.isExpectedDefined() && a.isActualDefined()) {
            String msg = a.getMessage() == null ? "" : a.getMessage();
            int cut = msg.indexOf("==> expected:");
            String context = cut > 0 ? msg.substring(0, cut).strip() : msg.startsWith("expected:") ? "" : msg;
            return (context.isEmpty() ? "" : context + "\n") + "expected: " + show(a.getExpected()) + "\n  actual: " + show(a.getActual());
        }
        if (t instanceof AssertionError) return Objects.toString(t.getMessage(), "the check failed");
        StringBuilder sb = new StringBuilder("your code threw ").append(t.getClass().getName());
        if (t instanceof dev.go4j.Panic) sb = new StringBuilder("your code panicked");
        if (t.getMessage() != null) sb.append(": ").append(t.getMessage());
        for (StackTraceElement f : t.getStackTrace()) {
            if (f.getClassName().startsWith("REPL.")) {
                sb.append("\n  in ").append(f.getMethodName().equals("do_it$") ? "a cell" : f.getMethodName());
                break;
            }
        }
        return sb.toString();
    }

    /** Go's verdict, then the runtime's list of who waits on what (a few lines of it). */
    private static String deadlock(Throwable t) {
        String report = "";
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = Objects.toString(c.getMessage(), "");
            int at = m.indexOf(GO_DEADLOCK);
            if (at >= 0) {
                report = m.substring(at + GO_DEADLOCK.length()).strip();
                break;
            }
        }
        StringBuilder sb = new StringBuilder("deadlock: ").append(GO_DEADLOCK);
        List<String> lines = report.lines().map(String::strip)
                .filter(l -> !l.isBlank() && !l.startsWith("at dev.go4j.check.") && !l.startsWith("at org.junit."))
                .map(l -> l.replaceAll("^at REPL\\.\\$JShell\\$\\d+(?:\\$(\\w+))?\\.([\\w$]+)\\(.*\\)$", "at $1.$2").replace("at .", "at "))
                .toList();
        for (int i = 0; i < Math.min(MAX_DEADLOCK_LINES, lines.size()); i++) sb.append("\n  ").append(lines.get(i).strip());
        if (lines.size() > MAX_DEADLOCK_LINES) sb.append("\n  ...");
        return sb.toString();
    }

    private static String show(ValueWrapper v) {
        Object value = v.getValue();
        return value instanceof String s ? "\"" + s + "\"" : v.getStringRepresentation();
    }
}
