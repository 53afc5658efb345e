package dev.go4j;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one trace as they are recorded: columns of primitive arrays, in chunks of a fixed size.
 *
 * <p>A traced program may record a million events, and they all stay alive until the trace is read. Kept as
 * one object (or more) per event, they would be copied by every garbage collection while the program runs;
 * kept in columns, recording an event allocates nothing, and a collection copies a few large arrays. Chunks
 * are never copied to grow: a new one is added.
 *
 * <p>Not thread-safe: {@link Tracing.Recorder} guards it. Events are only appended, until {@link #seal()};
 * {@link #event} reads one back as a {@link Trace.Event}, made on demand.
 */
final class TraceLog {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final Trace.Kind[] KINDS = Trace.Kind.values();

    /** One column per field of {@link Trace.Event}. A channel is kept as itself, then as its {@link ChannelName}. */
    private static final class Chunk {
        final long[] nanos = new long[CHUNK];
        final long[] goroutines = new long[CHUNK];
        final long[] seqs = new long[CHUNK];
        final byte[] kinds = new byte[CHUNK];
        final Object[] chans = new Object[CHUNK];
        final Object[] details = new Object[CHUNK];
    }

    /** What a finished trace keeps of a channel. */
    private record ChannelName(long id, String label) {}

    private final List<Chunk> chunks = new ArrayList<>();
    private int size;

    int size() {
        return size;
    }

    /**
     * Appends an event. {@code detail} is a string, or a value sent or received that is kept as itself (a boxed
     * primitive) and written out with {@link Tracing#show} when read.
     */
    void add(long nanos, long goroutine, Trace.Kind kind, Chan<?> chan, Object detail, long seq) {
        int i = size & (CHUNK - 1);
        if (i == 0) chunks.add(new Chunk());
        Chunk c = chunks.get(size >>> CHUNK_BITS);
        c.nanos[i] = nanos;
        c.goroutines[i] = goroutine;
        c.seqs[i] = seq;
        c.kinds[i] = (byte) kind.ordinal();
        c.chans[i] = chan;
        c.details[i] = detail;
        size++;
    }

    /**
     * Ends recording: each channel is replaced by its number and label, so that a trace kept in a variable does not
     * keep the program's channels alive, nor the values left in their buffers.
     */
    void seal() {
        Map<Chan<?>, ChannelName> names = new IdentityHashMap<>();
        Chan<?> last = null; // events in a row are often on one channel: looked up once
        ChannelName lastName = null;
        for (int index = 0; index < size; index++) {
            Object[] chans = chunks.get(index >>> CHUNK_BITS).chans;
            int i = index & (CHUNK - 1);
            if (!(chans[i] instanceof Chan<?> chan)) continue;
            if (chan != last) {
                last = chan;
                lastName = names.computeIfAbsent(chan, c -> new ChannelName(c.id, c.traceLabel()));
            }
            chans[i] = lastName;
        }
    }

    /** When event {@code index} happened, in {@link System#nanoTime()}'s time. */
    long nanos(int index) {
        return chunks.get(index >>> CHUNK_BITS).nanos[index & (CHUNK - 1)];
    }

    /** Event {@code index} of a {@link #seal() sealed} log, its time counted from {@code t0}. */
    Trace.Event event(int index, long t0) {
        Chunk c = chunks.get(index >>> CHUNK_BITS);
        int i = index & (CHUNK - 1);
        ChannelName chan = (ChannelName) c.chans[i];
        Object detail = c.details[i];
        return new Trace.Event(c.nanos[i] - t0, c.goroutines[i], KINDS[c.kinds[i]],
                chan == null ? -1 : chan.id(), chan == null ? null : chan.label(),
                detail == null || detail instanceof String ? (String) detail : Tracing.show(detail), c.seqs[i]);
    }
}
