package dev.go4j;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The clock behind {@link Timer}, {@link Ticker}, timeout cases and context deadlines: one daemon platform
 * thread that runs due alarms. An alarm's action must be short and must not block; anything longer starts a
 * goroutine.
 *
 * <p>It counts the alarms that are armed, because a goroutine that waits for a timer is not deadlocked.
 */
final class Timers {
    private static final ScheduledThreadPoolExecutor CLOCK = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "go4j-timers");
        t.setDaemon(true);
        return t;
    });
    static {
        CLOCK.setRemoveOnCancelPolicy(true);
    }

    private static final AtomicInteger ARMED = new AtomicInteger();

    private Timers() {}

    /** A scheduled action that can be disarmed exactly once, by firing (one-shot) or by cancelling. */
    static final class Alarm {
        /** The program of the goroutine that armed it: a goroutine waiting for it there is not deadlocked. */
        private final Program program = Goroutine.current().program;
        private final AtomicBoolean armed = new AtomicBoolean(true);
        private volatile ScheduledFuture<?> future;

        /** Disarms the alarm; returns true for the one call that found it armed. */
        boolean disarm() {
            if (!armed.compareAndSet(true, false)) return false;
            uncount();
            return true;
        }

        /**
         * Fires a one-shot alarm: runs {@code action} unless the alarm was cancelled first. The alarm stays
         * counted until the action is done, so the goroutine it wakes never looks deadlocked in between.
         */
        void fire(Runnable action) {
            if (!armed.compareAndSet(true, false)) return;
            try {
                action.run();
            } finally {
                uncount();
            }
        }

        private void uncount() {
            ARMED.decrementAndGet();
            program.disarmed(this);
        }

        /** Disarms and unschedules the alarm; returns true if it was still armed. */
        boolean cancel() {
            boolean wasArmed = disarm();
            ScheduledFuture<?> f = future;
            if (f != null) f.cancel(false);
            return wasArmed;
        }

        boolean isArmed() {
            return armed.get();
        }
    }

    /** Runs {@code action} once after {@code delay} (at once if it is zero or negative), unless cancelled. */
    static Alarm once(Duration delay, Runnable action) {
        Alarm a = arm();
        a.future = CLOCK.schedule(() -> a.fire(action), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return a;
    }

    /**
     * Runs {@code action} every {@code period}, the first time after one period, until cancelled. The action
     * runs while the alarm is still armed, so it can synchronize with {@link Alarm#cancel()}.
     */
    static Alarm every(Duration period, Runnable action) {
        long nanos = period.toNanos();
        if (nanos <= 0) throw new IllegalArgumentException("non-positive interval for NewTicker");
        Alarm a = arm();
        a.future = CLOCK.scheduleAtFixedRate(() -> {
            if (a.isArmed()) action.run();
        }, nanos, nanos, TimeUnit.NANOSECONDS);
        return a;
    }

    private static Alarm arm() {
        Alarm a = new Alarm();
        ARMED.incrementAndGet();
        a.program.armed(a);
        return a;
    }

    /** Runs {@code action} once after {@code delay}, without counting as an armed timer (for go4j's own checks). */
    static void later(Duration delay, Runnable action) {
        CLOCK.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** How many alarms are armed now. */
    static int armed() {
        return ARMED.get();
    }
}
