package dev.go4j.check;

import java.util.Objects;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.ValueWrapper;

/** Describes why a test failed in a learner's terms: expected vs. actual, or what the answer threw and where. */
final class Failures {
    /** What go4j's runtime says when every goroutine is blocked, as Go does. */
    static final String GO_DEADLOCK = "all goroutines are asleep - deadlock!";

    private Failures() {}

    static boolean isDeadlock(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (Objects.toString(c.getMessage(), "").contains(GO_DEADLOCK)) return true;
        }
        return false;
    }

    static String describe(Throwable t) {
        if (isDeadlock(t)) return "deadlock: " + GO_DEADLOCK;
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

    private static String show(ValueWrapper v) {
        Object value = v.getValue();
        return value instanceof String s ? "\"" + s + "\"" : v.getStringRepresentation();
    }
}
