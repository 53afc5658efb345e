package dev.go4j;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A single event in the future: after its duration the current time is sent on {@link #C}, or, for a timer
 * made by {@link Go#afterFunc(Duration, Task)}, a function runs in its own goroutine. Go's {@code *time.Timer}.
 *
 * <p>It follows Go 1.23's timer rules: once {@link #stop()} or {@link #reset(Duration)} returns, no value from
 * the earlier schedule will be received from {@code C}.
 */
public final class Timer {
    /** The channel on which the time is delivered (cap 1). Null for a timer made by {@code afterFunc}. */
    public final RecvChan<Instant> C;

    private final Chan<Instant> chan;
    private final Task func;
    private final Program program = Goroutine.current().program; // where an afterFunc's goroutine runs
    private Timers.Alarm alarm; // guarded by this
    private long generation;    // guarded by this; a fire from an older generation is stale and sends nothing

    private Timer(Chan<Instant> chan, Task func) {
        this.chan = chan;
        this.C = chan;
        this.func = func;
    }

    static Timer start(Duration d) {
        Timer t = new Timer(new Chan<>("timer", 1), null);
        t.reset(d);
        return t;
    }

    static Timer startFunc(Duration d, Task f) {
        Timer t = new Timer(null, Objects.requireNonNull(f, "func"));
        t.reset(d);
        return t;
    }

    @SuppressWarnings("unchecked")
    Chan<Object> chan() {
        return (Chan<Object>) (Chan<?>) chan;
    }

    /**
     * Stops the timer. Go's {@code t.Stop()}.
     *
     * @return true if this call stopped the timer, false if it had already fired or been stopped
     */
    public synchronized boolean stop() {
        generation++;
        boolean wasActive = alarm != null && alarm.cancel();
        if (chan != null) chan.tryRecv(); // drop a value not yet received: it belongs to the old schedule
        return wasActive;
    }

    /**
     * Stops the timer and starts it again to fire after {@code d}. Go's {@code t.Reset(d)}.
     *
     * @return true if the timer had been active
     */
    public synchronized boolean reset(Duration d) {
        Objects.requireNonNull(d, "duration");
        boolean wasActive = stop();
        long g = generation;
        alarm = Timers.once(d, () -> fire(g));
        return wasActive;
    }

    private synchronized void fire(long g) {
        if (g != generation) return;
        if (func != null) Goroutine.start(null, program, func);
        else chan.trySend(Instant.now());
    }

    @Override
    public String toString() {
        return "Timer(" + (func != null ? "func" : chan) + ")";
    }
}
