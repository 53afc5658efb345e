package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.go4j.Go.*;
import static dev.go4j.Spawned.spawnTask;
import static org.junit.jupiter.api.Assertions.*;

/** The sync package's contracts, after Go's sync documentation and tests. */
@DisplayName("sync")
class SyncTest {

    @Nested
    @DisplayName("WaitGroup")
    class WaitGroups {
        @Test
        @DisplayName("await blocks until every goroutine counted in is done")
        void awaitBlocksUntilZero() throws Throwable {
            WaitGroup wg = new WaitGroup();
            wg.add(2);
            var waiter = spawnTask(wg::await).awaitBlocked("sync.WaitGroup.Wait");
            wg.done();
            assertFalse(waiter.isDone());
            wg.done();
            waiter.join();
        }

        @Test
        @DisplayName("await with a zero counter returns at once")
        void zeroReturns() {
            new WaitGroup().await();
        }

        @Test
        @DisplayName("every waiter is released")
        void releasesAll() throws Throwable {
            WaitGroup wg = new WaitGroup();
            wg.add(1);
            List<Spawned<Void>> waiters = new ArrayList<>();
            for (int i = 0; i < 5; i++) waiters.add(spawnTask(wg::await).awaitBlocked("sync.WaitGroup.Wait"));
            wg.done();
            for (var w : waiters) w.join();
        }

        @Test
        @DisplayName("a negative counter panics with \"sync: negative WaitGroup counter\"")
        void negativePanics() {
            WaitGroup wg = new WaitGroup();
            assertEquals("sync: negative WaitGroup counter", assertThrows(Panic.class, wg::done).getMessage());
        }

        @Test
        @DisplayName("go counts a goroutine in and out, and what it did is visible after await")
        void goCounts() {
            WaitGroup wg = new WaitGroup();
            int[] results = new int[100];
            for (int i = 0; i < 100; i++) {
                int n = i;
                wg.go(() -> results[n] = n * n);
            }
            wg.await();
            for (int i = 0; i < 100; i++) assertEquals(i * i, results[i]);
        }
    }

    @Nested
    @DisplayName("Mutex")
    class Mutexes {
        @Test
        @DisplayName("only one goroutine at a time holds it: a counter guarded by it loses no increment")
        void mutualExclusion() {
            Mutex mu = new Mutex();
            int[] counter = new int[1];
            WaitGroup wg = new WaitGroup();
            for (int g = 0; g < 50; g++) {
                wg.go(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        mu.lock();
                        try {
                            counter[0]++;
                        } finally {
                            mu.unlock();
                        }
                    }
                });
            }
            wg.await();
            assertEquals(50_000, counter[0]);
        }

        @Test
        @DisplayName("lock blocks while another goroutine holds it")
        void lockBlocks() throws Throwable {
            Mutex mu = new Mutex();
            mu.lock();
            var other = spawnTask(mu::lock).awaitBlocked("sync.Mutex.Lock");
            mu.unlock();
            other.join();
            assertFalse(mu.tryLock(), "the lock was handed to the waiter");
        }

        @Test
        @DisplayName("it is not reentrant: locking it twice blocks the same goroutine")
        void notReentrant() {
            Mutex mu = new Mutex();
            var g = spawnTask(() -> {
                mu.lock();
                mu.lock();
            }).awaitBlocked("sync.Mutex.Lock");
            g.interrupt();
            assertInstanceOf(UncheckedInterruptedException.class, g.failure());
        }

        @Test
        @DisplayName("another goroutine may unlock it")
        void unlockFromOther() throws Throwable {
            Mutex mu = new Mutex();
            mu.lock();
            spawnTask(mu::unlock).join();
            assertTrue(mu.tryLock());
        }

        @Test
        @DisplayName("unlocking an unlocked mutex panics with \"sync: unlock of unlocked mutex\"")
        void unlockUnlocked() {
            assertEquals("sync: unlock of unlocked mutex", assertThrows(Panic.class, () -> new Mutex().unlock()).getMessage());
        }

        @Test
        @DisplayName("waiters get the lock in the order they asked")
        void fifo() throws Throwable {
            Mutex mu = new Mutex();
            mu.lock();
            List<Integer> order = new ArrayList<>();
            List<Spawned<Void>> waiters = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                waiters.add(spawnTask(() -> {
                    mu.lock();
                    order.add(n);
                    mu.unlock();
                }).awaitBlocked("sync.Mutex.Lock"));
            }
            mu.unlock();
            for (var w : waiters) w.join();
            assertEquals(List.of(0, 1, 2, 3, 4), order);
        }

        @Test
        @DisplayName("a goroutine already running may take a just-unlocked mutex before the woken waiter (Go's normal mode)")
        void newcomerMayWin() throws Throwable {
            for (int round = 0; round < 5; round++) {
                Mutex mu = new Mutex();
                Chan<Boolean> release = chan(1);
                mu.lock();
                var waiter = spawnTask(() -> {
                    mu.lock();
                    release.recv(); // once it has the lock, it keeps it until told
                    mu.unlock();
                }).awaitBlocked("sync.Mutex.Lock");
                boolean mine;
                // Holding the mutex's monitor keeps the woken waiter from reaching the lock before tryLock does,
                // as the unlocking goroutine in Go keeps its processor: the race is decided by the rule alone.
                synchronized (mu) {
                    mu.unlock();
                    mine = mu.tryLock(); // Go's TryLock succeeds here: Unlock frees the lock and only wakes the waiter
                }
                assertTrue(mine, "round " + round + ": the lock was handed to the woken waiter; Go's mutex is not a FIFO hand-off");
                mu.unlock();
                release.send(true);
                waiter.join();
            }
        }

        @Test
        @DisplayName("a waiter is not starved by a goroutine that locks again at once: after 1 ms it is handed the lock")
        void noStarvation() throws Throwable {
            Mutex mu = new Mutex();
            AtomicInteger got = new AtomicInteger();
            mu.lock();
            var waiter = spawnTask(() -> {
                mu.lock();
                got.set(1);
                mu.unlock();
            }).awaitBlocked("sync.Mutex.Lock");
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (got.get() == 0 && System.nanoTime() < deadline) {
                mu.unlock();
                mu.lock();
            }
            mu.unlock();
            waiter.join();
            assertEquals(1, got.get(), "the waiter never got the lock while another goroutine unlocked and relocked for 2 s");
        }

        @Test
        @DisplayName("a waiter interrupted before getting the lock does not take it")
        void interruptedWaiterDoesNotTakeLock() {
            Mutex mu = new Mutex();
            mu.lock();
            var w = spawnTask(mu::lock).awaitBlocked("sync.Mutex.Lock");
            w.interrupt();
            assertInstanceOf(UncheckedInterruptedException.class, w.failure());
            mu.unlock();
            assertTrue(mu.tryLock(), "the lock is free, not handed to the interrupted waiter");
        }
    }

    @Nested
    @DisplayName("RWMutex")
    class RWMutexes {
        @Test
        @DisplayName("many readers hold it at once")
        void manyReaders() {
            RWMutex rw = new RWMutex();
            rw.rLock();
            assertTrue(rw.tryRLock());
            assertFalse(rw.tryLock());
            rw.rUnlock();
            rw.rUnlock();
            assertTrue(rw.tryLock());
        }

        @Test
        @DisplayName("a writer waits for the readers to leave")
        void writerWaitsForReaders() throws Throwable {
            RWMutex rw = new RWMutex();
            rw.rLock();
            var writer = spawnTask(rw::lock).awaitBlocked("sync.RWMutex.Lock");
            rw.rUnlock();
            writer.join();
            assertFalse(rw.tryRLock());
        }

        @Test
        @DisplayName("a waiting writer keeps new readers out, and they go next when it unlocks")
        void writerPreference() throws Throwable {
            RWMutex rw = new RWMutex();
            rw.rLock();
            var writer = spawnTask(() -> {
                rw.lock();
                rw.unlock();
            }).awaitBlocked("sync.RWMutex.Lock");
            assertFalse(rw.tryRLock(), "a new reader must wait behind the writer");
            var reader = spawnTask(() -> {
                rw.rLock();
                rw.rUnlock();
            }).awaitBlocked("sync.RWMutex.RLock");
            rw.rUnlock();
            writer.join();
            reader.join();
        }

        @Test
        @DisplayName("readers held back by a writer that gives up are let in")
        void readersFreedWhenWriterGivesUp() throws Throwable {
            RWMutex rw = new RWMutex();
            rw.rLock();
            var writer = spawnTask(rw::lock).awaitBlocked("sync.RWMutex.Lock");
            var reader = spawnTask(() -> {
                rw.rLock();
                rw.rUnlock();
            }).awaitBlocked("sync.RWMutex.RLock");
            writer.interrupt();
            assertInstanceOf(UncheckedInterruptedException.class, writer.failure());
            reader.join();
        }

        @Test
        @DisplayName("misuse panics with Go's words")
        void misuse() {
            assertEquals("sync: RUnlock of unlocked RWMutex", assertThrows(Panic.class, () -> new RWMutex().rUnlock()).getMessage());
            assertEquals("sync: Unlock of unlocked RWMutex", assertThrows(Panic.class, () -> new RWMutex().unlock()).getMessage());
        }

        @Test
        @DisplayName("writers exclude each other and readers: a guarded counter stays consistent")
        void exclusion() {
            RWMutex rw = new RWMutex();
            int[] value = new int[2]; // the writer keeps both equal
            AtomicInteger torn = new AtomicInteger();
            WaitGroup wg = new WaitGroup();
            for (int g = 0; g < 10; g++) {
                wg.go(() -> {
                    for (int i = 0; i < 500; i++) {
                        rw.lock();
                        value[0]++;
                        Thread.yield();
                        value[1]++;
                        rw.unlock();
                    }
                });
                wg.go(() -> {
                    for (int i = 0; i < 500; i++) {
                        rw.rLock();
                        if (value[0] != value[1]) torn.incrementAndGet();
                        rw.rUnlock();
                    }
                });
            }
            wg.await();
            assertEquals(0, torn.get());
            assertEquals(5_000, value[0]);
        }
    }

    @Nested
    @DisplayName("Once")
    class Onces {
        @Test
        @DisplayName("runs its action exactly once, however many goroutines call it")
        void once() {
            Once once = new Once();
            AtomicInteger runs = new AtomicInteger();
            WaitGroup wg = new WaitGroup();
            for (int i = 0; i < 100; i++) wg.go(() -> once.run(runs::incrementAndGet));
            wg.await();
            assertEquals(1, runs.get());
            assertTrue(once.isDone());
        }

        @Test
        @DisplayName("callers that arrive while the action runs wait for it to finish")
        void callersWait() throws Throwable {
            Once once = new Once();
            Chan<Boolean> release = chan();
            AtomicInteger finished = new AtomicInteger();
            var first = spawnTask(() -> once.run(() -> {
                release.recv();
                finished.incrementAndGet();
            })).awaitBlocked("chan receive");
            var second = spawnTask(() -> {
                once.run(() -> fail("must not run twice"));
                assertEquals(1, finished.get(), "second caller returned before the action finished");
            }).awaitBlocked("sync.Mutex.Lock");
            release.send(true);
            first.join();
            second.join();
        }

        @Test
        @DisplayName("an action that throws still counts as done, and the exception reaches its caller")
        void panicCountsAsDone() {
            Once once = new Once();
            assertThrows(Panic.class, () -> once.run(() -> panic("boom")));
            AtomicInteger runs = new AtomicInteger();
            once.run(runs::incrementAndGet);
            assertEquals(0, runs.get());
        }
    }
}
