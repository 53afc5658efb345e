package dev.go4j;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Delivers the time on {@link #C} every period. If the receiver is slow, ticks are dropped rather than
 * queued, so it never falls behind by more than one tick. Go's {@code *time.Ticker}.
 *
 * <p>Once {@link #stop()} or {@link #reset(Duration)} returns, no tick from before it will be received.
 */
public final class Ticker {
    /** The channel on which the ticks are delivered (cap 1). */
    public final RecvChan<Instant> C;

    private final Chan<Instant> chan = new Chan<>("ticker", 1);
    private Timers.Alarm alarm; // guarded by this
    private long generation;    // guarded by this; a tick from an older generation is stale and sends nothing

    Ticker(Duration period) {
        if (period.isNegative() || period.isZero()) throw new IllegalArgumentException("non-positive interval for NewTicker");
        this.C = chan;
        reset(period);
    }

    /** Stops the ticker; it sends no more ticks. Go's {@code t.Stop()}. It does not close {@code C}. */
    public synchronized void stop() {
        generation++;
        if (alarm != null) alarm.cancel();
        chan.tryRecv();
    }

    /**
     * Stops the ticker and restarts it with a new period. Go's {@code t.Reset(d)}.
     *
     * @throws IllegalArgumentException if {@code period} is not positive
     */
    public synchronized void reset(Duration period) {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) throw new IllegalArgumentException("non-positive interval for Ticker.Reset");
        stop();
        long g = generation;
        alarm = Timers.every(period, () -> tick(g));
    }

    private synchronized void tick(long g) {
        if (g == generation) chan.trySend(Instant.now());
    }

    @Override
    public String toString() {
        return "Ticker(" + chan + ")";
    }
}
