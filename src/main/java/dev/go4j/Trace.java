package dev.go4j;

import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A recording of one program's run: when each goroutine started and ended, every value sent and received,
 * every close, every select choice, and when each goroutine was blocked. Made by {@link Go#trace(Task)}.
 *
 * <p>{@link #svg()} draws it as a timeline (one lane per goroutine, an arrow per message, blocked time
 * shaded), which a notebook shows as a picture; {@link #toString()} writes it as text. A large run (more than
 * {@value #MAX_LANES} goroutines or {@value #MAX_MESSAGES} messages) is summarised instead of drawn.
 */
public final class Trace {
    static final int MAX_LANES = 40;
    static final int MAX_MESSAGES = 2_000;

    /** What happened. */
    public enum Kind { START, END, SEND, RECV, RECV_CLOSED, CLOSE, SELECT, BLOCK, UNBLOCK }

    /**
     * One thing a goroutine did.
     *
     * @param nanos     when, in nanoseconds since the trace started
     * @param goroutine the goroutine's number
     * @param channelId the channel's identity, or -1
     * @param channel   the channel's name (or {@code chan#<id>}), or null
     * @param detail    the value sent or received, the wait reason, the select case ...
     * @param seq       for SEND and RECV: the value's number on its channel (the k-th value sent is the k-th
     *                  received), which pairs a send with its receive
     */
    public record Event(long nanos, long goroutine, Kind kind, long channelId, String channel, String detail, long seq) {}

    /** A value that went from one goroutine to another. */
    public record Message(String channel, String value, long from, long to, long sentNanos, long receivedNanos) {}

    /** A goroutine's life: when it ran, and the intervals when it was blocked ({@code [from, to]} pairs). */
    public record Lane(long goroutine, String label, long startNanos, long endNanos, List<long[]> blocked) {}

    private final List<Event> events;
    private final boolean truncated;
    private final long durationNanos;
    private final Throwable failure;

    /** The trace of the events in {@code log}, which nothing may add to any more; time counts from the first event. */
    Trace(TraceLog log, boolean truncated, Throwable failure) {
        this.events = new Events(log);
        this.truncated = truncated;
        this.durationNanos = events.isEmpty() ? 0 : events.get(events.size() - 1).nanos();
        this.failure = failure;
    }

    /** The events of a finished log, each made when it is read. */
    private static final class Events extends AbstractList<Event> implements RandomAccess {
        private final TraceLog log;
        private final int size;
        private final long t0;

        Events(TraceLog log) {
            this.log = log;
            this.size = log.size();
            this.t0 = size == 0 ? 0 : log.nanos(0);
        }

        @Override
        public Event get(int index) {
            Objects.checkIndex(index, size);
            return log.event(index, t0);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** Runs {@code main} as a program (see {@link Program}) and records it. Program failures are kept, not thrown. */
    static Trace record(Duration limit, Task main) {
        Objects.requireNonNull(main, "main");
        Tracing.Recorder[] recorder = new Tracing.Recorder[1];
        Throwable failure = null;
        try {
            Program.run(limit, main, p -> recorder[0] = Tracing.begin(p));
        } catch (RuntimeException | Error e) {
            if (recorder[0] == null) throw e; // not even started: a misuse, not a program failure
            failure = e;
        } finally {
            if (recorder[0] != null) Tracing.end(recorder[0]);
        }
        return recorder[0].seal(failure);
    }

    /** Every event, in the order recorded. */
    public List<Event> events() {
        return events;
    }

    /** How long the run took. */
    public Duration duration() {
        return Duration.ofNanos(durationNanos);
    }

    /** What ended the program if it did not end by main returning (a deadlock, a panic ...), or null. */
    public Throwable failure() {
        return failure;
    }

    /** Whether recording stopped early because the run produced too many events. */
    public boolean truncated() {
        return truncated;
    }

    /** The goroutines, in the order they started. */
    public List<Lane> lanes() {
        Map<Long, Lane> lanes = new LinkedHashMap<>();
        Map<Long, Long> blockedSince = new HashMap<>();
        Map<Long, List<long[]>> blocked = new HashMap<>();
        Map<Long, String> labels = new HashMap<>();
        Map<Long, long[]> life = new LinkedHashMap<>();
        for (Event e : events) {
            switch (e.kind()) {
                case START -> {
                    labels.put(e.goroutine(), e.detail());
                    life.put(e.goroutine(), new long[] {e.nanos(), durationNanos});
                }
                case END -> {
                    long[] l = life.get(e.goroutine());
                    if (l != null) l[1] = e.nanos();
                }
                case BLOCK -> blockedSince.put(e.goroutine(), e.nanos());
                case UNBLOCK -> {
                    Long since = blockedSince.remove(e.goroutine());
                    if (since != null) blocked.computeIfAbsent(e.goroutine(), k -> new ArrayList<>()).add(new long[] {since, e.nanos()});
                }
                default -> {}
            }
        }
        for (var still : blockedSince.entrySet()) { // blocked until the end
            long[] l = life.get(still.getKey());
            blocked.computeIfAbsent(still.getKey(), k -> new ArrayList<>()).add(new long[] {still.getValue(), l != null ? l[1] : durationNanos});
        }
        for (var e : life.entrySet()) {
            long g = e.getKey();
            lanes.put(g, new Lane(g, labels.get(g), e.getValue()[0], e.getValue()[1], blocked.getOrDefault(g, List.of())));
        }
        return List.copyOf(lanes.values());
    }

    /** Every value that went from one goroutine to another, a send paired with its receive. */
    public List<Message> messages() {
        Map<String, Event> sends = new HashMap<>();
        List<Message> out = new ArrayList<>();
        for (Event e : events) {
            if (e.kind() == Kind.SEND) sends.put(e.channelId() + "#" + e.seq(), e);
        }
        for (Event e : events) {
            if (e.kind() != Kind.RECV) continue;
            Event s = sends.get(e.channelId() + "#" + e.seq());
            if (s != null) out.add(new Message(e.channel(), e.detail(), s.goroutine(), e.goroutine(), s.nanos(), e.nanos()));
        }
        return out;
    }

    /** Whether the run is too big to draw lane by lane. */
    public boolean summarised() {
        return lanes().size() > MAX_LANES || messages().size() > MAX_MESSAGES;
    }

    /** The run as an SVG picture: a timeline, or a summary for a large run. */
    public String svg() {
        return new TraceSvg(this).render();
    }

    /** The run as text: one line per event, or a summary for a large run. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        List<Lane> lanes = lanes();
        List<Message> messages = messages();
        sb.append("trace: ").append(lanes.size()).append(" goroutines, ").append(messages.size()).append(" messages, ")
                .append(GoDuration.rounded(duration())).append(truncated ? " (cut short: too many events)" : "").append('\n');
        if (failure != null) sb.append("ended with: ").append(failure.getMessage().lines().findFirst().orElse("")).append('\n');
        if (events.size() > 300) {
            Map<Kind, Integer> counts = new LinkedHashMap<>();
            for (Event e : events) counts.merge(e.kind(), 1, Integer::sum);
            counts.forEach((k, n) -> sb.append("  ").append(k).append(": ").append(n).append('\n'));
            return sb.toString();
        }
        Map<Long, String> names = new HashMap<>();
        for (Lane l : lanes) names.put(l.goroutine(), l.label());
        for (Event e : events) {
            sb.append(String.format("%10s  %-24s %s%n", GoDuration.rounded(Duration.ofNanos(e.nanos())),
                    names.getOrDefault(e.goroutine(), "goroutine " + e.goroutine()), describe(e)));
        }
        return sb.toString();
    }

    private static String describe(Event e) {
        return switch (e.kind()) {
            case START -> "starts";
            case END -> "ends";
            case SEND -> "sends " + e.detail() + " on " + e.channel();
            case RECV -> "receives " + e.detail() + " from " + e.channel();
            case RECV_CLOSED -> "receives zero value: " + e.channel() + " is closed";
            case CLOSE -> "closes " + e.channel();
            case SELECT -> "select chooses " + e.detail();
            case BLOCK -> "blocks: " + e.detail() + (e.channel() != null ? " " + e.channel() : "");
            case UNBLOCK -> "unblocks";
        };
    }
}
