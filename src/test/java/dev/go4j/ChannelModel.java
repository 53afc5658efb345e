package dev.go4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Go channels as a sequential specification: each channel a FIFO buffer of some capacity and a closed flag.
 * The calls are those of {@link ChanOps}; a call on one of several channels takes the channel's number as its
 * first argument. A select may complete any case that is ready, so a select call can have several outcomes.
 *
 * <p>An unbuffered channel cannot be specified one call at a time: a send completes together with the receive
 * that takes its value. It is modelled as an unbounded FIFO in which a successful send is placed just before
 * its receive, and "nothing waits" answers of the try-forms are always allowed while the channel is open. That
 * is weaker than Go's rendezvous; the tests that use it also check that every value sent was received.
 */
class ChannelModel implements Model<ChannelModel.State> {
    /** The capacity that stands for an unbuffered channel. */
    static final int UNBUFFERED = 0;

    static final String SEND_ON_CLOSED = "panic: send on closed channel";
    static final String CLOSE_OF_CLOSED = "panic: close of closed channel";

    /** The channels' buffered values, oldest first, and whether each is closed. */
    record State(List<List<Object>> bufs, List<Boolean> closed) {
        State with(int ch, List<Object> buf, boolean isClosed) {
            List<List<Object>> b = new ArrayList<>(bufs);
            List<Boolean> c = new ArrayList<>(closed);
            b.set(ch, List.copyOf(buf));
            c.set(ch, isClosed);
            return new State(List.copyOf(b), List.copyOf(c));
        }
    }

    private final int[] caps;

    ChannelModel(int... caps) {
        this.caps = caps.clone();
    }

    @Override
    public State initial() {
        List<List<Object>> bufs = new ArrayList<>();
        List<Boolean> closed = new ArrayList<>();
        for (int i = 0; i < caps.length; i++) {
            bufs.add(List.of());
            closed.add(false);
        }
        return new State(List.copyOf(bufs), List.copyOf(closed));
    }

    @Override
    public List<State> after(State s, History.Call c) {
        Object r = c.result();
        return switch (c.op()) {
            case "send" -> send(s, channel(c, 1), c.args().getLast(), r);
            case "trySend" -> trySend(s, channel(c, 1), c.args().getLast(), r);
            case "recv" -> recv(s, channel(c, 0), r, false);
            case "tryRecv" -> recv(s, channel(c, 0), r, true);
            case "close" -> close(s, channel(c, 0), r);
            case "len" -> len(s, channel(c, 0), r);
            case "selectRecv" -> selectRecv(s, r, true);
            case "selectRecvWait" -> selectRecv(s, r, false);
            case "selectSend" -> selectSend(s, c.arg(0), r, true);
            case "selectSendWait" -> selectSend(s, c.arg(0), r, false);
            default -> throw new IllegalArgumentException("no model for " + c);
        };
    }

    /** The channel a call is on: its first argument when it has one more than {@code arity}, else channel 0. */
    private static int channel(History.Call c, int arity) {
        return c.args().size() > arity ? (Integer) c.arg(0) : 0;
    }

    private boolean unbuffered(int ch) {
        return caps[ch] == UNBUFFERED;
    }

    private boolean hasRoom(State s, int ch) {
        return unbuffered(ch) || s.bufs().get(ch).size() < caps[ch];
    }

    private static boolean closed(State s, int ch) {
        return s.closed().get(ch);
    }

    private State enqueue(State s, int ch, Object v) {
        List<Object> b = new ArrayList<>(s.bufs().get(ch));
        b.add(v);
        return s.with(ch, b, closed(s, ch));
    }

    /** The state after a send of {@code v} on {@code ch} completed, or null if it could not have. */
    private State sent(State s, int ch, Object v) {
        return !closed(s, ch) && hasRoom(s, ch) ? enqueue(s, ch, v) : null;
    }

    /** The state after a receive on {@code ch} returned {@code r} (a value, or "closed"), or null. */
    private static State received(State s, int ch, Object r) {
        List<Object> b = s.bufs().get(ch);
        if ("closed".equals(r)) return closed(s, ch) && b.isEmpty() ? s : null;
        if (b.isEmpty() || !b.getFirst().equals(r)) return null;
        return s.with(ch, b.subList(1, b.size()), closed(s, ch));
    }

    private List<State> send(State s, int ch, Object v, Object r) {
        if (SEND_ON_CLOSED.equals(r)) return closed(s, ch) ? List.of(s) : List.of();
        return "ok".equals(r) ? some(sent(s, ch, v)) : List.of();
    }

    private List<State> trySend(State s, int ch, Object v, Object r) {
        if (SEND_ON_CLOSED.equals(r)) return closed(s, ch) ? List.of(s) : List.of();
        if (Boolean.TRUE.equals(r)) return some(sent(s, ch, v));
        if (Boolean.FALSE.equals(r)) return !closed(s, ch) && (unbuffered(ch) || !hasRoom(s, ch)) ? List.of(s) : List.of();
        return List.of();
    }

    private List<State> recv(State s, int ch, Object r, boolean tryForm) {
        if (tryForm && "empty".equals(r)) return !recvReady(s, ch) ? List.of(s) : List.of();
        return some(received(s, ch, r));
    }

    /** Whether a receive on {@code ch} must find something: a value or the close. Unbuffered: only the close. */
    private boolean recvReady(State s, int ch) {
        return closed(s, ch) || (!unbuffered(ch) && !s.bufs().get(ch).isEmpty());
    }

    private List<State> close(State s, int ch, Object r) {
        if (CLOSE_OF_CLOSED.equals(r)) return closed(s, ch) ? List.of(s) : List.of();
        return "ok".equals(r) && !closed(s, ch) ? List.of(s.with(ch, s.bufs().get(ch), true)) : List.of();
    }

    private List<State> len(State s, int ch, Object r) {
        int n = unbuffered(ch) ? 0 : s.bufs().get(ch).size();
        return Integer.valueOf(n).equals(r) ? List.of(s) : List.of();
    }

    /** A select over receive cases on every channel; results "ch:value", "ch:closed", or "default". */
    private List<State> selectRecv(State s, Object r, boolean withDefault) {
        String res = (String) r;
        if (res.equals("default")) {
            if (!withDefault) return List.of();
            for (int ch = 0; ch < caps.length; ch++) if (recvReady(s, ch)) return List.of();
            return List.of(s);
        }
        int colon = res.indexOf(':');
        int ch = Integer.parseInt(res.substring(0, colon));
        String v = res.substring(colon + 1);
        return some(received(s, ch, v.equals("closed") ? "closed" : (Object) Integer.valueOf(v)));
    }

    /** A select over send cases of {@code v} on every channel; results "ch", "default", or the panic. */
    private List<State> selectSend(State s, Object v, Object r, boolean withDefault) {
        String res = (String) r;
        boolean anyClosed = false, anyRoom = false;
        for (int ch = 0; ch < caps.length; ch++) {
            anyClosed |= closed(s, ch);
            anyRoom |= !closed(s, ch) && !unbuffered(ch) && hasRoom(s, ch);
        }
        if (res.equals(SEND_ON_CLOSED)) return anyClosed ? List.of(s) : List.of(); // a closed case was polled first
        if (res.equals("default")) return withDefault && !anyClosed && !anyRoom ? List.of(s) : List.of();
        return some(sent(s, Integer.parseInt(res), v));
    }

    private static List<State> some(State s) {
        return s == null ? List.of() : List.of(s);
    }
}
