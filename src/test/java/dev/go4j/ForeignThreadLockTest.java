package dev.go4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Threads that go4j did not start (a test's, an executor's, a notebook check's) count as running once they use
 * go4j. A thread that takes a lock without waiting has used go4j: while it holds the lock, the threads waiting
 * for it are not deadlocked.
 */
@DisplayName("Threads not started by go, contending for a lock")
class ForeignThreadLockTest {
    private static final int THREADS = 8, ROUNDS = 10, LOCKS_EACH = 5_000;

    private static List<Throwable> contend(boolean platform, Runnable lockUnlock) throws InterruptedException {
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int round = 0; round < ROUNDS && failures.isEmpty(); round++) {
            List<Thread> threads = new ArrayList<>();
            Runnable work = () -> {
                try {
                    for (int i = 0; i < LOCKS_EACH; i++) lockUnlock.run();
                } catch (Throwable t) {
                    failures.add(t);
                }
            };
            for (int t = 0; t < THREADS; t++) threads.add(platform ? Thread.ofPlatform().start(work) : Thread.ofVirtual().start(work));
            for (Thread t : threads) t.join();
        }
        return failures;
    }

    @Test
    @DisplayName("are never reported as deadlocked on a Mutex")
    void mutex() throws InterruptedException {
        Mutex mu = new Mutex();
        for (boolean platform : new boolean[] {false, true}) {
            assertEquals(List.of(), contend(platform, () -> {
                mu.lock();
                mu.unlock();
            }), platform ? "platform threads" : "virtual threads");
        }
    }

    @Test
    @DisplayName("are never reported as deadlocked on an RWMutex")
    void rwMutex() throws InterruptedException {
        RWMutex rw = new RWMutex();
        int[] n = {0};
        for (boolean platform : new boolean[] {false, true}) {
            assertEquals(List.of(), contend(platform, () -> {
                if (n[0]++ % 3 == 0) {
                    rw.lock();
                    rw.unlock();
                } else {
                    rw.rLock();
                    rw.rUnlock();
                }
            }), platform ? "platform threads" : "virtual threads");
        }
    }
}
