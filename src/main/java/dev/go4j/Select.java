package dev.go4j;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Go's {@code select} statement: waits until one of several channel operations can proceed, then does exactly
 * that one. It follows Go's runtime/select.go.
 *
 * <ol>
 *   <li>Cases on nil channels are dropped: they can never proceed.
 *   <li>The channels' locks are taken in a fixed global order (by channel id), so two selects never deadlock.
 *   <li>The cases are polled in a fresh random order; the first that can proceed is done. Because every lock
 *       is held while polling, the set of ready cases cannot change meanwhile, so each ready case is equally
 *       likely to be chosen.
 *   <li>If none is ready: with a default case, that runs; otherwise one waiter per case is queued on its
 *       channel, all sharing one {@link Parker}, the first waiter's. The first counterpart to win that parker's
 *       compare-and-set completes its case; every other counterpart sees the lost race and leaves its waiter
 *       alone.
 *   <li>After waking, the select removes its other waiters, taking their channels' locks one at a time, so no
 *       trace of the cases that did not happen is left behind.
 * </ol>
 */
final class Select {
    /** The most cases a select may have, as in Go (reflect.Select's limit): a waiter keeps its case number in a char. */
    static final int MAX_CASES = 1 << 16;

    private final Case[] cases;
    /** Channels of the cases, one per case; null for the default case and for nil channels. */
    private final Chan<Object>[] chans;
    /** Timers started for timeout cases, by case, stopped when the select ends; null if it has none. */
    private Timer[] timers;
    private final int defaultIndex;
    private Object received = Chan.WOULD_BLOCK;

    @SuppressWarnings("unchecked")
    private Select(Case[] cases) {
        if (cases.length > MAX_CASES) {
            throw new IllegalArgumentException("select: too many cases (" + cases.length + ", at most " + MAX_CASES + ")");
        }
        this.cases = cases;
        this.chans = new Chan[cases.length];
        int def = -1;
        for (int i = 0; i < cases.length; i++) {
            Case c = Objects.requireNonNull(cases[i], "select case must not be null");
            switch (c.kind) {
                case RECV, SEND -> chans[i] = c.chan.isNil() ? null : c.chan;
                case TIMEOUT -> {
                    if (timers == null) timers = new Timer[cases.length];
                    timers[i] = Timer.start(c.timeout);
                    chans[i] = timers[i].chan();
                }
                case DEFAULT -> {
                    if (def >= 0) throw new IllegalArgumentException("multiple defaults in select");
                    def = i;
                }
            }
        }
        this.defaultIndex = def;
    }

    static int select(Case... cases) {
        Objects.requireNonNull(cases, "cases");
        Select s = new Select(cases);
        try {
            return s.run();
        } finally {
            if (s.timers != null) for (Timer t : s.timers) if (t != null) t.stop();
        }
    }

    private int run() {
        int[] pollOrder = pollOrder();
        if (pollOrder.length == 0) {
            if (defaultIndex >= 0) return finish(defaultIndex, false);
            Parker.blockForever(cases.length == 0 ? "select (no cases)" : "select (nil chans only)", cases);
        }
        Chan<Object>[] lockOrder = lockOrder();
        Waiter[] waiters;
        Parker parker;
        lockAll(lockOrder);
        try {
            for (int i : pollOrder) {
                if (tryNow(i)) return finishUnlocking(lockOrder, i, received == Chan.CLOSED);
            }
            if (defaultIndex >= 0) return finishUnlocking(lockOrder, defaultIndex, false);
            parker = null; // the first waiter's, shared by the others
            waiters = new Waiter[cases.length];
            for (int i = 0; i < cases.length; i++) {
                if (chans[i] == null) continue;
                if (cases[i].kind == Case.Kind.SEND) {
                    waiters[i] = new Waiter(parker, i, true, cases[i].value);
                    chans[i].enqueueSender(waiters[i]);
                } else {
                    waiters[i] = new Waiter(parker, i, false, null);
                    chans[i].enqueueReceiver(waiters[i]);
                }
                if (parker == null) parker = waiters[i];
            }
        } catch (RuntimeException | Error e) {
            unlockAll(lockOrder);
            throw e;
        }
        unlockAll(lockOrder);

        int spins = 0;
        for (Chan<Object> c : lockOrder) spins = Math.max(spins, c.spins());
        int outcome = parker.await("select", cases, spins);
        for (Chan<Object> c : lockOrder) c.learnSpins(c.spins(), parker);

        // Whoever completed the winning case took its waiter out of its queue first; the others may still be queued.
        // Each is removed under its own channel's lock: holding one lock at a time, there is no order to keep.
        int won = outcome < 0 ? -1 : Waiter.caseOf(outcome);
        for (int i = 0; i < cases.length; i++) {
            if (waiters[i] != null && i != won) chans[i].dequeue(waiters[i]);
        }
        if (outcome < 0) throw parker.failure(outcome);
        int i = Waiter.caseOf(outcome);
        chans[i].letWakerRecord();
        boolean closed = Waiter.closedIn(outcome);
        if (cases[i].kind == Case.Kind.SEND && closed) throw new Panic("send on closed channel");
        received = closed ? Chan.CLOSED : waiters[i].elem;
        return finish(i, closed);
    }

    /** Tries case {@code i} without waiting; all locks are held. */
    private boolean tryNow(int i) {
        Chan<Object> c = chans[i];
        if (cases[i].kind == Case.Kind.SEND) return c.sendNow(cases[i].value);
        received = c.recvNow();
        return received != Chan.WOULD_BLOCK;
    }

    private int finishUnlocking(Chan<Object>[] lockOrder, int i, boolean closed) {
        unlockAll(lockOrder);
        return finish(i, closed);
    }

    /** Runs the body of the chosen case, outside every lock. */
    private int finish(int i, boolean closed) {
        Case c = cases[i];
        if (Tracing.on) Tracing.selected(c, i);
        switch (c.kind) {
            case SEND, DEFAULT -> c.onDone.run();
            case RECV, TIMEOUT -> c.onRecv.accept(closed ? Received.closed() : new Received<>(received, true));
        }
        return i;
    }

    /** The indexes of the cases that can ever proceed, in a uniformly random order (Fisher-Yates). */
    private int[] pollOrder() {
        int n = 0;
        int[] order = new int[chans.length];
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = 0; i < chans.length; i++) {
            if (chans[i] == null) continue;
            int j = rnd.nextInt(n + 1);
            order[n++] = order[j];
            order[j] = i;
        }
        return n == order.length ? order : Arrays.copyOf(order, n);
    }

    /** The distinct channels of the cases, in id order (an insertion sort: selects have few cases). */
    @SuppressWarnings("unchecked")
    private Chan<Object>[] lockOrder() {
        Chan<Object>[] order = new Chan[chans.length];
        int n = 0;
        for (Chan<Object> c : chans) {
            if (c == null) continue;
            int j = n;
            while (j > 0 && order[j - 1].id > c.id) j--;
            if (j > 0 && order[j - 1] == c) continue; // the same channel in two cases is locked once
            System.arraycopy(order, j, order, j + 1, n - j);
            order[j] = c;
            n++;
        }
        return n == order.length ? order : Arrays.copyOf(order, n);
    }

    private static void lockAll(Chan<Object>[] order) {
        for (Chan<Object> c : order) c.lockForSelect();
    }

    private static void unlockAll(Chan<Object>[] order) {
        for (int i = order.length - 1; i >= 0; i--) order[i].unlock();
    }
}
