package dev.go4j.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;

/**
 * Records when each stage of a pipeline works on which item, so a check can tell a pipeline whose stages run at the
 * same time from one that pushes each item through all stages before taking the next. Both give the same output;
 * only the order of events differs.
 *
 * <pre>{@code
 * var timeline = new StageTimeline();
 * Function<Integer, Integer> square = timeline.stage("square", x -> { sleep(millis(5)); return x * x; });
 * Function<Integer, Integer> plusOne = timeline.stage("plus one", x -> { sleep(millis(5)); return x + 1; });
 * ... run the learner's pipeline with these stages ...
 * timeline.assertOverlap("square", "plus one");
 * }</pre>
 */
public final class StageTimeline {
    /** One stage working on one item, from start to end ({@link System#nanoTime}). */
    public record Span(String stage, Object item, long start, long end) {}

    private final List<Span> spans = new ArrayList<>();

    /** Wraps {@code work} so that each call is recorded as a span of {@code stage}. */
    public <A, B> Function<A, B> stage(String stage, Function<A, B> work) {
        return item -> {
            long start = System.nanoTime();
            try {
                return work.apply(item);
            } finally {
                long end = System.nanoTime();
                synchronized (spans) {
                    spans.add(new Span(stage, item, start, end));
                }
            }
        };
    }

    public List<Span> spans() {
        synchronized (spans) {
            return List.copyOf(spans);
        }
    }

    /**
     * @throws AssertionFailedError unless some span of {@code first} and some span of {@code second} overlap in
     *                              time, that is, the two stages were busy at the same moment
     */
    public void assertOverlap(String first, String second) {
        List<Span> a = spans().stream().filter(s -> s.stage().equals(first)).toList();
        List<Span> b = spans().stream().filter(s -> s.stage().equals(second)).toList();
        if (a.isEmpty() || b.isEmpty()) {
            throw new AssertionFailedError("the stages \"" + first + "\" and \"" + second + "\" were not both used (" + a.size()
                    + " and " + b.size() + " calls)");
        }
        for (Span x : a) for (Span y : b) if (x.start() < y.end() && y.start() < x.end()) return;
        throw new AssertionFailedError("the stages \"" + first + "\" and \"" + second + "\" never worked at the same time: "
                + "each item went through both before the next one started. Run each stage in its own goroutine, "
                + "connected by channels, so that stage 2 works on item 1 while stage 1 works on item 2.");
    }
}
