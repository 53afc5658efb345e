package dev.go4j;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The goroutines of one program. Every goroutine joins and leaves once, and spawning must stay cheap, so joining
 * is one atomic increment and a write, and leaving is one write: no lock, and nothing read but the goroutine's
 * own slot. Reading the whole set (for deadlock checks, dumps and leak reports) is rarer and may be slower.
 *
 * <p>The set is split into stripes. A stripe is a stack of {@link Segment segments}, newest first, and a segment
 * is an array of {@link Segment#SIZE} slots, which joiners claim in order by incrementing its count. Only the
 * newest segment, the stripe's head, takes joins; the joiner that finds it full pushes a new one. A slot holds
 * null until its claimer fills it, then the goroutine, then {@link #LEFT} once the goroutine has left. So a
 * goroutine that leaves is no longer referenced from here, and can be collected with its thread at once.
 *
 * <p>A goroutine joins the stripe of the thread that adds it, its spawner's. So a spawner fills one segment's slots
 * in a row, and is done with each cache line of them within a few spawns: the goroutines it started, which leave
 * from other processors, mostly write to lines it no longer needs. (Striped by goroutine number, a spawner took
 * turns over all stripes, and each leave pulled away a line that it was still filling; striped by thread, spawning
 * took 0.93 to 0.95 times as long, and the daisy chain 0.94 to 0.95.) Spawners on different threads rarely share a
 * stripe.
 *
 * <p>A segment whose every slot says {@code LEFT} is empty for good, and a sweep unlinks it. A join starts a
 * sweep once its stripe has twice as many segments as the last sweep kept, so sweeping costs each join a
 * constant amount on average. A sweep reads slots only, never the goroutines in them, so each segment costs it a
 * few cache lines. The empty segments of a burst that has ended stay linked, at four bytes a slot, until joins
 * make their stripe grow again.
 *
 * <p>Invariants: joins change only a stripe's head and the slots they claimed; a goroutine that leaves changes only
 * its own slot; only the one sweep running on a stripe changes a link after the head, and only to skip empty
 * segments; an unlinked segment keeps its link. So a reader walking a stripe while it changes still meets every
 * goroutine that was a member throughout its walk.
 */
final class Members {
    /** What the slot of a goroutine that has left holds. */
    private static final Object LEFT = new Object();
    private static final int STRIPES = stripes();
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    private final Stripe[] stripes = new Stripe[STRIPES];

    Members() {
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe();
    }

    /** Adds {@code g} to the stripe of the calling thread. */
    void add(Goroutine g) {
        add(g, Thread.currentThread().threadId());
    }

    /** Adds {@code g} to the stripe that {@code key} picks: one key, one stripe. */
    void add(Goroutine g, long key) {
        stripes[(int) key & (STRIPES - 1)].push(g);
    }

    /** Takes {@code g} out of the set; it must have been added. */
    void remove(Goroutine g) {
        SLOT.setRelease(g.segment.slots, g.slot, LEFT);
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
     * members.
     */
    boolean allMatch(Predicate<Goroutine> test) {
        for (Stripe stripe : stripes) {
            for (Segment s = stripe.head; s != null; s = s.next) {
                for (int i = 0, n = s.claimed(); i < n; i++) {
                    if (SLOT.getAcquire(s.slots, i) instanceof Goroutine g && !test.test(g)) return false;
                }
            }
        }
        return true;
    }

    /** How many slots the linked segments hold, members or not: for tests of the sweep. */
    int linked() {
        int n = 0;
        for (Stripe stripe : stripes) for (Segment s = stripe.head; s != null; s = s.next) n += Segment.SIZE;
        return n;
    }

    /** The smallest power of two that gives each processor at least four stripes, so that two spawners rarely meet. */
    private static int stripes() {
        return Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 4 - 1) << 1;
    }

    /** A fixed run of slots, claimed in order: see {@link Members}. */
    static final class Segment {
        /** Slots per segment: at most 128, since a goroutine keeps its slot number in a byte. */
        static final int SIZE = 64;
        private static final VarHandle COUNT;
        static {
            try {
                COUNT = MethodHandles.lookup().findVarHandle(Segment.class, "count", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final Object[] slots = new Object[SIZE];
        /** Slots claimed so far; it goes past SIZE as joiners find the segment full. */
        private volatile int count;
        /** The next older segment of the stripe. */
        volatile Segment next;

        /** A new head in front of {@code next}, its first slot already claimed by {@code g}. */
        Segment(Segment next, Goroutine g) {
            this.next = next;
            count = 1;
            fill(0, g);
        }

        /** Claims a slot for {@code g} and fills it, or returns false if the segment is full. */
        boolean claim(Goroutine g) {
            int i = (int) COUNT.getAndAdd(this, 1);
            if (i >= SIZE) return false;
            fill(i, g);
            return true;
        }

        /** Puts {@code g}, which claimed slot {@code i}, there, and tells it where it is. */
        private void fill(int i, Goroutine g) {
            g.segment = this;
            g.slot = (byte) i;
            SLOT.setRelease(slots, i, g);
        }

        int claimed() {
            return Math.min(count, SIZE);
        }

        /** Whether every slot has been claimed and left: nobody will ever be here again. */
        boolean isEmpty() {
            if (count < SIZE) return false;
            for (int i = 0; i < SIZE; i++) if (SLOT.getAcquire(slots, i) != LEFT) return false;
            return true;
        }
    }

    /** One stack of segments, newest first. */
    private static final class Stripe {
        private static final VarHandle HEAD, SWEEPING;
        static {
            try {
                MethodHandles.Lookup l = MethodHandles.lookup();
                HEAD = l.findVarHandle(Stripe.class, "head", Segment.class);
                SWEEPING = l.findVarHandle(Stripe.class, "sweeping", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
        /** The fewest segments a stripe pushes between two sweeps: short stripes are cheap to walk. */
        private static final int MIN_PUSHED = 2;

        volatile Segment head;
        private volatile boolean sweeping;
        private int pushed;                 // segments pushed since the last sweep; racy, an estimate is enough
        private int keptBySweep = MIN_PUSHED; // segments the last sweep kept, at least MIN_PUSHED

        void push(Goroutine g) {
            for (Segment h; ; ) {
                h = head;
                if (h != null && h.claim(g)) return;
                if (HEAD.compareAndSet(this, h, new Segment(h, g))) break;
            }
            if (++pushed >= keptBySweep) sweep();
        }

        /** Unlinks the empty segments after the head, unless another sweep is under way. */
        private void sweep() {
            if (!SWEEPING.compareAndSet(this, false, true)) return;
            try {
                pushed = 0;
                int kept = 1;
                for (Segment s = head; s != null; ) { // the head stays: joins claim its slots and push in front of it
                    Segment n = s.next;
                    while (n != null && n.isEmpty()) n = n.next;
                    if (n != s.next) s.next = n;
                    if (n != null) kept++;
                    s = n;
                }
                keptBySweep = Math.max(MIN_PUSHED, kept);
            } finally {
                sweeping = false;
            }
        }
    }
}
