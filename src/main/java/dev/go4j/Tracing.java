package dev.go4j;

/**
 * The recorder behind {@link Trace}: go4j's operations call these hooks, which do nothing unless a trace is
 * on. When off, each hook costs one read of a volatile boolean.
 */
final class Tracing {
    /** Whether a trace is recording; checked by every hook before anything else. */
    static volatile boolean on;
    private static volatile Recorder active;

    /** Stops recording past this many events; the trace says it was cut short. */
    static final int MAX_EVENTS = 1_000_000;

    private Tracing() {}

    /** The events of one traced program. */
    static final class Recorder {
        final Program program;
        private final TraceLog log = new TraceLog(); // guarded by this
        private boolean truncated;                   // guarded by this
        private boolean sealed;                      // guarded by this

        Recorder(Program program) {
            this.program = program;
        }

        synchronized void add(Goroutine g, Trace.Kind kind, Chan<?> chan, Object detail, long seq) {
            // What goroutines do while they are being stopped, or after the trace was made, is not the program's run.
            if (sealed || program.ended()) return;
            if (log.size() >= MAX_EVENTS) {
                truncated = true;
                return;
            }
            log.add(System.nanoTime(), g.id, kind, chan, detail, seq);
        }

        /** Ends recording for good, and returns the trace of what was recorded. */
        synchronized Trace seal(Throwable failure) {
            sealed = true;
            log.seal();
            return new Trace(log, truncated, failure);
        }
    }

    static synchronized Recorder begin(Program program) {
        if (active != null) throw new IllegalStateException("a trace is already recording; traces cannot be nested");
        active = new Recorder(program);
        on = true;
        return active;
    }

    static synchronized void end(Recorder r) {
        if (active == r) {
            active = null;
            on = false;
        }
    }

    /** The recorder if {@code g} belongs to the traced program, else null. */
    private static Recorder recorderFor(Goroutine g) {
        Recorder r = active;
        return r != null && g != null && g.program == r.program ? r : null;
    }

    private static void record(Goroutine g, Trace.Kind kind, Chan<?> chan, Object detail, long seq) {
        Recorder r = recorderFor(g);
        if (r != null) r.add(g, kind, chan, detail, seq);
    }

    static void goroutineStarted(Goroutine g) {
        if (on) record(g, Trace.Kind.START, null, g.label(), -1);
    }

    static void goroutineEnded(Goroutine g) {
        if (on) record(g, Trace.Kind.END, null, null, -1);
    }

    static void blocked(Goroutine g, String status, Object subject) {
        if (on) record(g, Trace.Kind.BLOCK, subject instanceof Chan<?> c ? c : null, status, -1);
    }

    static void unblocked(Goroutine g) {
        if (on) record(g, Trace.Kind.UNBLOCK, null, null, -1);
    }

    /** Value number {@code seq} of {@code chan} was sent by {@code sender}. */
    static void sent(Goroutine sender, Chan<?> chan, Object value, long seq) {
        record(sender, Trace.Kind.SEND, chan, shown(value), seq);
    }

    /** Value number {@code seq} of {@code chan} was received by {@code receiver}. */
    static void received(Goroutine receiver, Chan<?> chan, Object value, long seq) {
        record(receiver, Trace.Kind.RECV, chan, shown(value), seq);
    }

    /** {@code receiver} got the zero value because {@code chan} is closed. */
    static void receivedClosed(Goroutine receiver, Chan<?> chan) {
        record(receiver, Trace.Kind.RECV_CLOSED, chan, null, -1);
    }

    static void closed(Chan<?> chan) {
        record(Goroutine.peek(), Trace.Kind.CLOSE, chan, null, -1);
    }

    static void selected(Case c, int index) {
        record(Goroutine.peek(), Trace.Kind.SELECT, c.chan == null || c.chan.isNil() ? null : c.chan,
                "case " + index + ": " + c, -1);
    }

    /**
     * What a trace keeps of a value sent or received: a boxed primitive as itself, since it cannot change and
     * costs nothing to keep (small ones are cached), to be written out when the trace is read; any other value
     * as its text now, as it is at this moment.
     */
    private static Object shown(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Boolean || v instanceof Character
                || v instanceof Double || v instanceof Short || v instanceof Byte || v instanceof Float ? v : show(v);
    }

    /** A value as a trace writes it: its text, cut to 40 characters. */
    static String show(Object v) {
        String s = String.valueOf(v);
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
