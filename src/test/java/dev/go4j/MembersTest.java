package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** A program's set of goroutines: exact when quiet, never missing a steady member while others come and go. */
@DisplayName("Program members")
class MembersTest {
    private static final Program PROGRAM = new Program();

    /** An unstarted goroutine: the set only needs its number and its links. */
    private static Goroutine goroutine() {
        return Goroutine.create(null, PROGRAM, () -> {});
    }

    @Test
    @DisplayName("holds exactly the goroutines that joined and have not left")
    void exact() {
        Members members = new Members();
        assertTrue(members.isEmpty());
        List<Goroutine> all = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Goroutine g = goroutine();
            all.add(g);
            members.add(g);
        }
        Set<Goroutine> stay = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % 3 == 0) stay.add(all.get(i));
            else members.remove(all.get(i));
        }
        assertEquals(stay, new HashSet<>(members.snapshot()));
        assertEquals(stay.size(), members.size());
        assertFalse(members.isEmpty());
        assertFalse(members.allMatch(g -> g != all.get(0)), "allMatch sees every member");
        stay.forEach(members::remove);
        assertTrue(members.isEmpty());
        assertEquals(0, members.size());
    }

    @Test
    @DisplayName("one thread's goroutines fill one segment in a row, so a spawner soon leaves each cache line of slots")
    void oneSpawnerOneSegment() {
        Members members = new Members();
        List<Goroutine> all = new ArrayList<>();
        for (int i = 0; i < Members.Segment.SIZE; i++) {
            Goroutine g = goroutine();
            all.add(g);
            members.add(g);
        }
        for (int i = 0; i < all.size(); i++) {
            assertSame(all.get(0).segment, all.get(i).segment, "goroutine " + i + " is in another segment");
            assertEquals(i, all.get(i).slot);
        }
        all.forEach(members::remove);
        assertTrue(members.isEmpty());
    }

    @Test
    @DisplayName("segments emptied by goroutines that left are unlinked, so a long run of short goroutines leaves no trail")
    void sweeps() {
        Members members = new Members();
        Goroutine steady = goroutine();
        members.add(steady);
        for (int i = 0; i < 200_000; i++) {
            Goroutine g = goroutine();
            members.add(g);
            members.remove(g);
        }
        assertEquals(List.of(steady), members.snapshot());
        assertTrue(members.linked() < 10_000, "slots still linked: " + members.linked());
    }

    @Test
    @DisplayName("a goroutine that left is not kept: a burst that has ended can be collected, records and threads")
    void burstEnds() {
        Members members = new Members();
        List<Goroutine> burst = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            Goroutine g = goroutine();
            burst.add(g);
            members.add(g);
        }
        List<WeakReference<Thread>> threads = new ArrayList<>();
        for (Goroutine g : burst) {
            members.remove(g);
            threads.add(new WeakReference<>(g.thread));
        }
        burst.clear();
        assertTrue(members.isEmpty());
        for (int i = 0; i < 10 && threads.stream().anyMatch(t -> t.get() != null); i++) System.gc();
        assertEquals(0, threads.stream().filter(t -> t.get() != null).count(), "threads still reachable");
        assertEquals(0, members.size());
    }

    @Test
    @DisplayName("while others join and leave on many threads, every read sees the steady members, and in the end only them")
    void concurrent() throws Exception {
        Members members = new Members();
        Set<Goroutine> steady = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Goroutine g = goroutine();
            steady.add(g);
            members.add(g);
        }
        int threads = 4, each = 50_000;
        CountDownLatch done = new CountDownLatch(threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().start(() -> {
                try {
                    List<Goroutine> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        Goroutine g = goroutine();
                        members.add(g, g.id); // every thread takes turns over every stripe: joiners meet
                        mine.add(g);
                        if (mine.size() > 16) members.remove(mine.remove(0));
                    }
                    mine.forEach(members::remove);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
        }
        AtomicBoolean missed = new AtomicBoolean();
        while (done.getCount() > 0) {
            if (!new HashSet<>(members.snapshot()).containsAll(steady)) missed.set(true);
        }
        done.await();
        assertNull(failure.get());
        assertFalse(missed.get(), "a read missed a goroutine that was a member all along");
        assertEquals(steady, new HashSet<>(members.snapshot()));
        assertEquals(steady.size(), members.size());
    }
}
