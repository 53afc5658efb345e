package dev.go4j;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The goroutines of one program. Every goroutine joins and leaves once, and spawning must stay cheap, so joining
 * is one compare-and-set and leaving is, nearly always, one write to the goroutine itself: no lock, no allocation,
 * and nothing shared with the goroutines started just before or after. Reading the whole set (for deadlock checks,
 * dumps and leak reports) is rarer and may be slower.
 *
 * <p>The set is split into stripes, each a singly linked stack threaded through the goroutines themselves
 * ({@link Goroutine#nextMember}), newest first. A goroutine that leaves is only marked ({@link Goroutine#left})
 * and is unlinked later, by a sweep. A join starts one once a stripe has grown by as many goroutines as it kept
 * at its last sweep. A leave starts one if the goroutine's number within its stripe is a multiple of the largest
 * power of two not above that many: about one leave in that many sweeps, and no counter is shared. Either way,
 * sweeping costs each join or leave a constant amount on average, and the goroutines of a burst that has ended
 * (with their threads) are not kept until the next burst joins.
 *
 * <p>Invariants: joins change only a stripe's head; only the one sweep running on a stripe changes a link after
 * the head, and only to skip goroutines that have left; an unlinked goroutine keeps its link. So a reader walking
 * a stripe while it changes still meets every goroutine that was a member throughout its walk.
 */
final class Members {
    private static final int STRIPES = stripes();

    private final Stripe[] stripes = new Stripe[STRIPES];

    Members() {
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe();
    }

    void add(Goroutine g) {
        stripeOf(g).push(g);
    }

    /** Takes {@code g} out of the set; it must have been added. */
    void remove(Goroutine g) {
        g.left = true;
        long n = g.id / STRIPES; // its number within its stripe
        if ((n & (Stripe.MIN_SWEEP - 1)) == 0) stripeOf(g).leftAt(n); // the other leaves touch nothing shared
    }

    boolean isEmpty() {
        return allMatch(g -> false); // true only when no member is there to fail the test
    }

    int size() {
        return snapshot().size();
    }

    /** The members at the time each of them was read: a goroutine that joins or leaves meanwhile may be missed. */
    List<Goroutine> snapshot() {
        List<Goroutine> all = new ArrayList<>();
        allMatch(all::add);
        return all;
    }

    /**
     * Whether {@code test} holds for every member, stopping at the first that fails it. {@code test} may remove
     * members: leaving only marks a goroutine.
     */
    boolean allMatch(Predicate<Goroutine> test) {
        for (Stripe s : stripes) {
            for (Goroutine g = s.head; g != null; g = g.nextMember) if (!g.left && !test.test(g)) return false;
        }
        return true;
    }

    /** How many goroutines are linked, members or not yet unlinked: for tests of the sweep. */
    int linked() {
        int n = 0;
        for (Stripe s : stripes) for (Goroutine g = s.head; g != null; g = g.nextMember) n++;
        return n;
    }

    private Stripe stripeOf(Goroutine g) {
        return stripes[(int) g.id & (STRIPES - 1)];
    }

    /** The smallest power of two that gives each processor at least four stripes, so that two spawners rarely meet. */
    private static int stripes() {
        return Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 4 - 1) << 1;
    }

    /** One stack of members, newest first. */
    private static final class Stripe {
        private static final VarHandle HEAD, SWEEPING;
        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                HEAD = l.findVarHandle(Stripe.class, "head", Goroutine.class);
                SWEEPING = l.findVarHandle(Stripe.class, "sweeping", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
        /** Fewer joins than this never start a sweep: short stripes are cheap to walk. */
        private static final int MIN_SWEEP = 64;

        volatile Goroutine head;
        private volatile boolean sweeping;
        private int joins;                  // since the last sweep; racy, an estimate is enough
        private int keptBySweep = MIN_SWEEP; // members the last sweep kept, at least MIN_SWEEP

        void push(Goroutine g) {
            Goroutine h;
            do {
                h = head;
                g.nextMember = h;
            } while (!HEAD.compareAndSet(this, h, g));
            if (++joins >= keptBySweep) sweep();
        }

        /**
         * Called as the goroutine that is number {@code n} in this stripe leaves, {@code n} being a multiple of
         * {@link #MIN_SWEEP}: sweeps if {@code n} is also a multiple of the largest power of two not above the number
         * of members the last sweep kept.
         */
        void leftAt(long n) {
            if ((n & (Integer.highestOneBit(keptBySweep) - 1)) == 0) sweep();
        }

        /** Unlinks the goroutines that have left, unless another sweep is under way. */
        private void sweep() {
            if (!SWEEPING.compareAndSet(this, false, true)) return;
            try {
                joins = 0;
                Goroutine first = head;
                while (first != null && first.left) { // past the head: with a compare-and-set, as joins push there
                    Goroutine next = first.nextMember;
                    first = HEAD.compareAndSet(this, first, next) ? next : head;
                }
                int kept = 0;
                for (Goroutine g = first; g != null; ) {
                    kept++;
                    Goroutine n = g.nextMember;
                    while (n != null && n.left) n = n.nextMember;
                    g.nextMember = n;
                    g = n;
                }
                keptBySweep = Math.max(MIN_SWEEP, kept);
            } finally {
                sweeping = false;
            }
        }
    }
}
