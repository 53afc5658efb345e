package dev.go4j;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The goroutines of one program. Joining and leaving cost one short, rarely contended lock and no allocation,
 * because every goroutine joins and leaves once and spawning must stay cheap; reading the whole set (for
 * deadlock checks, dumps and leak reports) is rarer and may be slower.
 *
 * <p>The set is split into stripes, each a doubly linked list threaded through the goroutines themselves
 * ({@link Goroutine#prevMember}, {@link Goroutine#nextMember}) and guarded by the stripe's monitor. A goroutine's
 * stripe is fixed by its number, so goroutines started one after another land on different stripes.
 */
final class Members {
    private static final int STRIPES = stripes();

    private final Stripe[] stripes = new Stripe[STRIPES];

    Members() {
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe();
    }

    void add(Goroutine g) {
        stripeOf(g).add(g);
    }

    /** Removes {@code g} if it is a member; does nothing otherwise. */
    void remove(Goroutine g) {
        stripeOf(g).remove(g);
    }

    boolean isEmpty() {
        for (Stripe s : stripes) if (s.size() > 0) return false;
        return true;
    }

    int size() {
        int n = 0;
        for (Stripe s : stripes) n += s.size();
        return n;
    }

    /** The members at the time each stripe was read: a goroutine that joins or leaves meanwhile may be missed. */
    List<Goroutine> snapshot() {
        List<Goroutine> all = new ArrayList<>();
        for (Stripe s : stripes) s.copyTo(all);
        return all;
    }

    /**
     * Whether {@code test} holds for every member, stopping at the first that fails it. Each stripe is read
     * under its lock, so {@code test} must be quick and must not join or leave.
     */
    boolean allMatch(Predicate<Goroutine> test) {
        for (Stripe s : stripes) if (!s.allMatch(test)) return false;
        return true;
    }

    private Stripe stripeOf(Goroutine g) {
        return stripes[(int) g.id & (STRIPES - 1)];
    }

    /** The smallest power of two that gives each processor at least four stripes, so that two goroutines rarely wait for one stripe. */
    private static int stripes() {
        return Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 4 - 1) << 1;
    }

    /** One list of members. A goroutine is in it exactly when its {@code memberOf} is this stripe. */
    static final class Stripe {
        private Goroutine first;
        private int size;

        synchronized void add(Goroutine g) {
            g.memberOf = this;
            g.nextMember = first;
            if (first != null) first.prevMember = g;
            first = g;
            size++;
        }

        synchronized void remove(Goroutine g) {
            if (g.memberOf != this) return;
            if (g.prevMember == null) first = g.nextMember; else g.prevMember.nextMember = g.nextMember;
            if (g.nextMember != null) g.nextMember.prevMember = g.prevMember;
            g.prevMember = g.nextMember = null;
            g.memberOf = null;
            size--;
        }

        synchronized int size() {
            return size;
        }

        synchronized boolean allMatch(Predicate<Goroutine> test) {
            for (Goroutine g = first; g != null; g = g.nextMember) if (!test.test(g)) return false;
            return true;
        }

        synchronized void copyTo(List<Goroutine> out) {
            for (Goroutine g = first; g != null; g = g.nextMember) out.add(g);
        }
    }
}
