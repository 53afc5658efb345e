package dev.go4j;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Describes goroutines the way Go's runtime does ({@code goroutine 7 [chan send]:}), and better: what each one
 * waits on, and where in the learner's code.
 */
final class GoroutineDump {
    /** How many of the learner's stack frames to show per goroutine. */
    private static final int FRAMES = 4;
    private static final CodeSource RUNTIME = Go.class.getProtectionDomain().getCodeSource();
    /** go4j's own tools, which run the learner's code but are not part of it. */
    private static final String[] TOOLING = {"dev.go4j.notebook.", "dev.go4j.kernel.", "dev.go4j.check.", "dev.go4j.grade."};

    private GoroutineDump() {}

    /** Every goroutine in {@code gs}, oldest first, separated by blank lines. */
    static String of(Collection<Goroutine> gs) {
        return String.join("\n", describeInOrder(gs));
    }

    /** Each goroutine in {@code gs}, oldest first, so that a program's reports read the same on every run. */
    static List<String> describeInOrder(Collection<Goroutine> gs) {
        return gs.stream().sorted(Comparator.comparingLong(g -> g.id)).map(GoroutineDump::describe).toList();
    }

    /** One goroutine: its header, what it waits on, and its learner frames. */
    static String describe(Goroutine g) {
        StringBuilder sb = new StringBuilder(g.label()).append(" [").append(g.status()).append("]:\n");
        String waiting = waitingOn(g.blockedOn, g.blockedSubject);
        if (waiting != null) sb.append("    ").append(waiting).append('\n');
        List<StackTraceElement> frames = learnerFrames(g.thread.getStackTrace());
        for (StackTraceElement f : frames) sb.append("    at ").append(ReplFrames.describe(f)).append('\n');
        return sb.toString();
    }

    /** A sentence about what a goroutine waits on, or null if it is not waiting. */
    static String waitingOn(String status, Object subject) {
        if (status == null) return null;
        return switch (subject) {
            case Chan<?> c when c.isNil() -> status.startsWith("chan send") ? "sends on a nil channel: blocks forever"
                    : "receives from a nil channel: blocks forever";
            case Chan<?> c when status.equals("chan send") -> "waiting to send on " + c + ": no receiver is ready"
                    + (c.cap() > 0 ? " and the buffer is full" : "");
            case Chan<?> c when status.equals("chan receive") -> "waiting to receive from " + c + ": nothing was sent"
                    + (c.cap() > 0 ? " and the buffer is empty" : "");
            case Goroutine.Sleep sleep -> "sleeping for " + GoDuration.rounded(sleep.duration());
            case Case[] cases when cases.length == 0 -> "select with no cases: blocks forever";
            case Case[] cases -> "waiting in select on: " + describeCases(cases);
            case null -> status;
            default -> "waiting on " + subject;
        };
    }

    private static String describeCases(Case[] cases) {
        List<String> parts = new ArrayList<>();
        for (Case c : cases) parts.add(c.toString());
        return String.join(" | ", parts);
    }

    /** The frames of the learner's code: not go4j's runtime, not the JDK's. */
    static List<StackTraceElement> learnerFrames(StackTraceElement[] stack) {
        List<StackTraceElement> mine = new ArrayList<>();
        for (StackTraceElement f : stack) {
            if (isInfrastructure(f)) continue;
            mine.add(f);
            if (mine.size() == FRAMES) break;
        }
        return mine;
    }

    static boolean isInfrastructure(StackTraceElement f) {
        String c = f.getClassName();
        if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("org.junit.")
                || c.startsWith("org.apache.maven.") || c.startsWith("io.github.spencerpark.")) return true;
        for (String tool : TOOLING) if (c.startsWith(tool)) return true;
        if (!c.startsWith("dev.go4j.") || c.indexOf('.', "dev.go4j.".length()) >= 0) return false;
        try { // same package as the runtime: ours only if it was loaded from the runtime's own jar or folder
            Class<?> k = Class.forName(c, false, Go.class.getClassLoader());
            CodeSource cs = k.getProtectionDomain().getCodeSource();
            return cs == RUNTIME || (cs != null && RUNTIME != null && cs.getLocation().equals(RUNTIME.getLocation()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
