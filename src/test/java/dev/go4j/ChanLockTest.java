package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A channel's lock: mutual exclusion, and no thread left asleep when the lock is free, whether it spun, slept, or
 * missed its wake-up.
 */
@DisplayName("Channel lock")
class ChanLockTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private static final class Counter extends ChanLock {
        long n; // guarded by the lock, deliberately plain: a lost update shows a broken lock

        Counter(int longestPause) {
            super(longestPause);
        }

        Counter() {
            this(1);
        }
    }

    @ParameterizedTest(name = "backing off up to {0} pauses")
    @ValueSource(ints = {1, 16})
    @DisplayName("no two threads hold it at once: a plain counter incremented under it loses no update")
    void mutualExclusion(int longestPause) {
        Counter c = new Counter(longestPause);
        int threads = 8, each = 50_000;
        assertTimeoutPreemptively(LIMIT, () -> {
            List<Thread> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                // virtual and platform threads both: a goroutine and a notebook cell's thread can share a channel
                Thread.Builder b = t % 2 == 0 ? Thread.ofVirtual() : Thread.ofPlatform();
                all.add(b.start(() -> {
                    for (int i = 0; i < each; i++) {
                        c.lock();
                        c.n++;
                        c.releaseLock();
                    }
                }));
            }
            for (Thread t : all) t.join();
        });
        assertEquals((long) threads * each, c.n);
    }

    @ParameterizedTest(name = "backing off up to {0} pauses")
    @ValueSource(ints = {1, 16})
    @DisplayName("threads that went to sleep waiting for it all get it once it is released")
    void sleepersAllWake(int longestPause) throws Exception {
        Counter c = new Counter(longestPause);
        int waiters = 12;
        CountDownLatch started = new CountDownLatch(waiters);
        AtomicBoolean held = new AtomicBoolean(true);
        c.lock();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < waiters; t++) {
            Thread.Builder b = t % 3 == 0 ? Thread.ofPlatform() : Thread.ofVirtual();
            all.add(b.start(() -> {
                started.countDown();
                c.lock();
                assertFalse(held.get(), "got the lock while it was held");
                c.n++;
                c.releaseLock();
            }));
        }
        started.await();
        Thread.sleep(100); // far longer than the spin: the waiters are asleep now
        held.set(false);
        c.releaseLock();
        assertTimeoutPreemptively(LIMIT, () -> {
            for (Thread t : all) t.join();
        }, "a waiter was never woken");
        assertEquals(waiters, c.n);
        assertEquals(0, field(c, "sleepers"), "threads that got the lock still count as sleepers");
    }

    @Test
    @DisplayName("a sleeper whose wake-up was missed looks again by itself, and gets the lock")
    void missedWakeUp() throws Exception {
        Counter c = new Counter();
        c.lock();
        Thread waiter = Thread.ofVirtual().start(() -> {
            c.lock();
            c.n++;
            c.releaseLock();
        });
        Thread.sleep(100); // far longer than the spin: the waiter sleeps on the lock's monitor
        assertEquals(1, field(c, "sleepers"), "the waiter did not count itself as a sleeper");
        // What a release does when it reads the sleeper count before the sleeper's increment is visible: it frees
        // the lock and notifies nobody.
        field("state").setVolatile(c, 0);
        waiter.join(LIMIT.toMillis());
        assertFalse(waiter.isAlive(), "the waiter slept on, with the lock free");
        assertEquals(1, c.n);
        assertEquals(0, field(c, "sleepers"), "a thread that got the lock still counts as a sleeper");
    }

    private static VarHandle field(String name) throws ReflectiveOperationException {
        return MethodHandles.privateLookupIn(ChanLock.class, MethodHandles.lookup()).findVarHandle(ChanLock.class, name, int.class);
    }

    private static int field(ChanLock lock, String name) throws ReflectiveOperationException {
        return (int) field(name).getVolatile(lock);
    }

    @Test
    @DisplayName("a lock that backs off by less than one pause is refused")
    void pauseOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new Counter(0));
    }

    @Test
    @DisplayName("an interrupt does not end the wait for it, and is kept")
    void interruptKept() throws Exception {
        Counter c = new Counter();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        c.lock();
        Thread waiter = Thread.ofVirtual().start(() -> {
            c.lock();
            interruptedAfter.set(Thread.currentThread().isInterrupted());
            c.releaseLock();
        });
        Thread.sleep(50);
        waiter.interrupt();
        Thread.sleep(50);
        assertTrue(waiter.isAlive(), "the interrupt ended the wait for a held lock");
        c.releaseLock();
        waiter.join(LIMIT.toMillis());
        assertFalse(waiter.isAlive());
        assertTrue(interruptedAfter.get(), "the interrupt was lost");
    }
}
