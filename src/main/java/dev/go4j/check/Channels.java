package dev.go4j.check;

import static dev.go4j.Go.recvOk;
import static dev.go4j.Go.select;
import static dev.go4j.Go.timeout;

import dev.go4j.Received;
import dev.go4j.RecvChan;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.opentest4j.AssertionFailedError;

/** Channel assertions for checks, each with a time bound so that a wrong answer fails instead of hanging. */
public final class Channels {
    /** How long a check waits for something that a correct answer does at once. */
    public static final Duration PATIENCE = Duration.ofSeconds(2);

    private Channels() {}

    /**
     * Receives from {@code c}, waiting at most {@code d}.
     *
     * @throws AssertionFailedError if nothing arrives in time, or the channel is closed
     */
    public static <T> T recvWithin(RecvChan<T> c, Duration d, String what) {
        AtomicReference<Received<T>> got = new AtomicReference<>();
        select(recvOk(c, got::set), timeout(d, () -> {}));
        Received<T> r = got.get();
        if (r == null) throw new AssertionFailedError(what + ": nothing arrived within " + CheckRunner.seconds(d));
        if (!r.ok()) throw new AssertionFailedError(what + ": the channel was closed instead");
        return r.value();
    }

    /** {@link #recvWithin(RecvChan, Duration, String)} with {@link #PATIENCE}. */
    public static <T> T recvWithin(RecvChan<T> c, String what) {
        return recvWithin(c, PATIENCE, what);
    }

    /**
     * Receives exactly {@code expected}, in order, and then finds {@code c} closed, so that a range over it ends.
     *
     * @throws AssertionFailedError if a value differs or is missing, or the channel stays open after the last one
     */
    public static <T> void assertYieldsThenCloses(RecvChan<T> c, List<T> expected) {
        for (int i = 0; i < expected.size(); i++) {
            T v = recvWithin(c, "value " + (i + 1) + " of " + expected.size());
            if (!java.util.Objects.equals(v, expected.get(i))) {
                throw new AssertionFailedError("value " + (i + 1) + " is wrong", expected.get(i), v);
            }
        }
        AtomicReference<Received<T>> got = new AtomicReference<>();
        select(recvOk(c, got::set), timeout(PATIENCE, () -> {}));
        Received<T> r = got.get();
        if (r == null) {
            throw new AssertionFailedError("after the last value the channel must be closed, so that a range over it "
                    + "(for (var v : c)) ends; it was still open after " + CheckRunner.seconds(PATIENCE) + ". Close it when done sending.");
        }
        if (r.ok()) throw new AssertionFailedError("expected only " + expected.size() + " values, then a closed channel, but got also " + r.value());
    }
}
