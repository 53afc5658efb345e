package dev.go4j;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One case of a {@link Go#select(Case...) select}: a receive, a send, a timeout, or the default case. Made by
 * {@link Go#recv(RecvChan, Consumer)}, {@link Go#send(SendChan, Object, Runnable)},
 * {@link Go#timeout(Duration, Runnable)} and {@link Go#defaultCase(Runnable)}; it does nothing until passed to
 * {@code select}, and can be passed to any number of selects.
 */
public final class Case {
    enum Kind { RECV, SEND, TIMEOUT, DEFAULT }

    final Kind kind;
    /** The channel of a receive or send case; {@link Chan#NIL} when a nil (or null) channel was given. */
    final Chan<Object> chan;
    final Object value;
    final Duration timeout;
    /** Run with the value received, for receive and timeout cases. */
    final Consumer<Received<Object>> onRecv;
    /** Run after a send or the default case. */
    final Runnable onDone;

    private Case(Kind kind, Chan<Object> chan, Object value, Duration timeout, Consumer<Received<Object>> onRecv, Runnable onDone) {
        this.kind = kind;
        this.chan = chan;
        this.value = value;
        this.timeout = timeout;
        this.onRecv = onRecv;
        this.onDone = onDone;
    }

    @SuppressWarnings("unchecked")
    static <T> Case recv(RecvChan<T> c, Consumer<Received<T>> body) {
        Objects.requireNonNull(body, "body");
        Consumer<Received<Object>> b = r -> body.accept((Received<T>) r);
        return new Case(Kind.RECV, chanOf(c), null, null, b, null);
    }

    static <T> Case send(SendChan<T> c, T value, Runnable body) {
        Objects.requireNonNull(value, Chan.NULL_VALUE);
        Objects.requireNonNull(body, "body");
        return new Case(Kind.SEND, chanOf(c), value, null, null, body);
    }

    static Case timeout(Duration d, Runnable body) {
        Objects.requireNonNull(d, "duration");
        Objects.requireNonNull(body, "body");
        return new Case(Kind.TIMEOUT, null, null, d, r -> body.run(), null);
    }

    static Case otherwise(Runnable body) {
        Objects.requireNonNull(body, "body");
        return new Case(Kind.DEFAULT, null, null, null, null, body);
    }

    /** A channel case's channel as the implementation type; null stands for Go's nil channel. */
    @SuppressWarnings("unchecked")
    private static Chan<Object> chanOf(Object c) {
        return c == null ? (Chan<Object>) Chan.NIL : (Chan<Object>) c;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case RECV -> "case <-" + chan;
            case SEND -> "case " + chan + " <- " + value;
            case TIMEOUT -> "case <-time.After(" + GoDuration.format(timeout) + ")";
            case DEFAULT -> "default";
        };
    }
}
