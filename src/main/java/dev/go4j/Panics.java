package dev.go4j;

import java.io.PrintStream;

/** Reports a goroutine that ended with an exception, the way Go prints a panic. */
final class Panics {
    private Panics() {}

    static void report(Goroutine g, Throwable t) {
        PrintStream err = System.err;
        err.println(describe(g, t));
        err.flush();
    }

    /** {@code panic: <value>}, a blank line, then the goroutine and its stack, as Go prints it. */
    static String describe(Goroutine g, Throwable t) {
        StringBuilder sb = new StringBuilder("panic: ").append(valueOf(t)).append("\n\n")
                .append(g.label()).append(" [running]:\n");
        for (StackTraceElement frame : t.getStackTrace()) {
            if (isGoroutineStart(frame)) break; // below it: go4j's and the JDK's plumbing, nothing the reader wrote
            sb.append("\tat ").append(ReplFrames.describe(frame)).append('\n');
        }
        for (Throwable cause = t.getCause(); cause != null && cause != t; cause = cause.getCause()) {
            sb.append("caused by: ").append(cause).append('\n');
        }
        return sb.toString();
    }

    /** The frame in which every goroutine's body is called ({@link Goroutine}'s {@code run}). */
    private static boolean isGoroutineStart(StackTraceElement frame) {
        return frame.getClassName().equals(Goroutine.class.getName()) && frame.getMethodName().equals("run");
    }

    /** What follows {@code panic:}: the panic's value for a {@link Panic}, the exception itself otherwise. */
    static String valueOf(Throwable t) {
        return t instanceof Panic p ? String.valueOf(p.value()) : t.toString();
    }
}
