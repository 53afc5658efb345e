package dev.go4j.check;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.go4j.Task;
import dev.go4j.notebook.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opentest4j.AssertionFailedError;

/**
 * Finds goroutines that outlive the code that started them: a generator nobody stops, a worker blocked on a
 * channel nobody reads. Go has no way to kill a goroutine, so a leaked one holds its memory for good.
 *
 * <p>It reads the JVM's thread dump (which lists virtual threads) and counts the live goroutines, the threads
 * whose stack starts in go4j's goroutine runner; {@link #assertNoLeak} compares before and after, giving goroutines
 * that are about to end a short grace period.
 */
public final class GoroutineLeaks {
    private static final long[] GRACE_MS = {20, 50, 100, 200, 400, 800};

    /** A live goroutine: its name and, if it waits in go4j, on what. */
    public record Goroutine(String id, String name, String waiting) {
        @Override
        public String toString() {
            return name + (waiting == null ? " (running)" : " (waiting " + waiting + ")");
        }
    }

    private GoroutineLeaks() {}

    /**
     * Runs {@code body} and fails if goroutines it started are still alive shortly after it returned.
     *
     * @throws AssertionFailedError naming the leaked goroutines and what they wait on
     */
    public static void assertNoLeak(String what, Task body) throws Exception {
        Map<String, Goroutine> before = byId(running());
        body.run();
        List<Goroutine> leaked = List.of();
        for (long ms : GRACE_MS) {
            Thread.sleep(ms);
            leaked = running().stream().filter(g -> !before.containsKey(g.id())).toList();
            if (leaked.isEmpty()) return;
        }
        StringBuilder sb = new StringBuilder(what).append(": ").append(leaked.size())
                .append(leaked.size() == 1 ? " goroutine is" : " goroutines are").append(" still alive after it finished:");
        leaked.stream().limit(5).forEach(g -> sb.append("\n  ").append(g));
        if (leaked.size() > 5) sb.append("\n  ... and ").append(leaked.size() - 5).append(" more");
        sb.append("\nA goroutine must end when its work is done or when it is told to stop (a quit channel or a cancelled context).");
        throw new AssertionFailedError(sb.toString());
    }

    /** The goroutines alive now. */
    public static List<Goroutine> running() {
        List<Goroutine> out = new ArrayList<>();
        for (Map<?, ?> t : threads()) {
            List<StackTraceElement> stack = new ArrayList<>();
            if (t.get("stack") instanceof List<?> frames) for (Object f : frames) stack.add(frame(String.valueOf(f)));
            if (stack.stream().noneMatch(GoroutineLeaks::runsGoroutine)) continue;
            String name = t.get("name") instanceof String n && !n.isEmpty() ? n : "goroutine"; // only a named goroutine names its thread
            out.add(new Goroutine(String.valueOf(t.get("tid")), name, Blocking.describe(stack.toArray(StackTraceElement[]::new))));
        }
        return out;
    }

    private static Map<String, Goroutine> byId(List<Goroutine> gs) {
        Map<String, Goroutine> m = new LinkedHashMap<>();
        for (Goroutine g : gs) m.put(g.id(), g);
        return m;
    }

    private static List<Map<?, ?>> threads() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("go4j-threads");
            Path file = dir.resolve("dump.json");
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            Object dump = JsonReader.parse(Files.readString(file));
            List<Map<?, ?>> out = new ArrayList<>();
            if (dump instanceof Map<?, ?> root && root.get("threadDump") instanceof Map<?, ?> td
                    && td.get("threadContainers") instanceof List<?> containers) {
                for (Object c : containers) {
                    if (c instanceof Map<?, ?> cm && cm.get("threads") instanceof List<?> ts) {
                        for (Object t : ts) if (t instanceof Map<?, ?> tm) out.add(tm);
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the running goroutines", e);
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir.resolve("dump.json"));
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // a temporary file left behind
                }
            }
        }
    }

    /** Whether {@code f} is the frame that runs a goroutine's body: every goroutine's stack starts there. */
    private static boolean runsGoroutine(StackTraceElement f) {
        return f.getClassName().equals("dev.go4j.Goroutine") && f.getMethodName().equals("run");
    }

    /** Parses a dump frame such as {@code java.base/java.lang.Thread.sleep(Thread.java:12)}; class and method suffice. */
    private static StackTraceElement frame(String text) {
        String s = text.contains("/") && text.indexOf('/') < text.indexOf('(') ? text.substring(text.indexOf('/') + 1) : text;
        int paren = s.indexOf('(');
        String qualified = paren < 0 ? s : s.substring(0, paren);
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? new StackTraceElement("", qualified, null, -1)
                : new StackTraceElement(qualified.substring(0, dot), qualified.substring(dot + 1), null, -1);
    }
}
