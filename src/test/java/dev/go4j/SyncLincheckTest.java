package dev.go4j;

import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.go4j.Scenarios.call;

/**
 * WaitGroup, Mutex and Once are linearizable with respect to {@link SyncModels}: their concurrent results are
 * those of some one-at-a-time order that respects real time.
 */
@Tag("stress")
@DisplayName("Linearizability of WaitGroup, Mutex and Once (Lincheck)")
public class SyncLincheckTest {

    static Object panicking(Runnable r) {
        try {
            r.run();
            return "ok";
        } catch (Panic p) {
            return "panic: " + p.getMessage();
        }
    }

    /** The calls of a WaitGroup that never block. */
    public static class WaitGroupOps {
        final WaitGroup wg = new WaitGroup();

        @Operation
        public Object add(@Param(gen = IntGen.class, conf = "-1:2") int delta) {
            return panicking(() -> wg.add(delta));
        }

        @Operation
        public Object done() {
            return panicking(wg::done);
        }

        @Operation
        public Object count() {
            return wg.count();
        }

    }

    /** {@link WaitGroupOps} and the wait, for hand-built scenarios in which every wait ends. */
    public static class WaitGroupWaiting extends WaitGroupOps {
        @Operation
        public Object await() {
            wg.await();
            return "ok";
        }

        /**
         * Starts at {@code add(k)}; three threads share the k dones, each doing its dones before it waits, so
         * every wait ends. Counts are read on the way.
         */
        static List<ExecutionScenario> scenarios(long seed) {
            Class<?> t = WaitGroupWaiting.class;
            Random rnd = new Random(seed);
            List<ExecutionScenario> all = new ArrayList<>();
            for (int n = 0; n < Scenarios.count(); n++) {
                int k = 1 + rnd.nextInt(3);
                List<List<Actor>> threads = new ArrayList<>();
                for (int i = 0; i < 3; i++) threads.add(new ArrayList<>());
                for (int d = 0; d < k; d++) threads.get(rnd.nextInt(3)).add(call(t, "done"));
                for (List<Actor> thread : threads) {
                    thread.add(rnd.nextInt(3) == 0 ? call(t, "count") : call(t, "await"));
                    if (thread.size() < 3 && rnd.nextBoolean()) thread.add(call(t, "count"));
                }
                all.add(new ExecutionScenario(List.of(call(t, "add", k)), threads, List.of(call(t, "count")), null));
            }
            return all;
        }
    }

    /** The calls of a Mutex that never block. */
    public static class MutexOps {
        final Mutex m = new Mutex();

        @Operation
        public Object tryLock() {
            return m.tryLock();
        }

        @Operation
        public Object unlock() {
            return panicking(m::unlock);
        }
    }

    /** {@link MutexOps} and the waiting lock, for hand-built scenarios in which every wait ends. */
    public static class MutexLocking extends MutexOps {
        @Operation
        public Object lock() {
            m.lock();
            return "ok";
        }

        /**
         * Three threads of two acquire-then-unlock pairs (lock or tryLock). Every acquisition is followed by an
         * unlock in the same thread, so every waiting lock ends; a failed tryLock's unlock releases another
         * thread's lock or panics, as in Go.
         */
        static List<ExecutionScenario> scenarios(long seed) {
            Class<?> t = MutexLocking.class;
            Random rnd = new Random(seed);
            List<ExecutionScenario> all = new ArrayList<>();
            for (int n = 0; n < Scenarios.count(); n++) {
                List<List<Actor>> threads = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    List<Actor> thread = new ArrayList<>();
                    for (int pair = 0; pair < 2; pair++) {
                        thread.add(rnd.nextInt(4) == 0 ? call(t, "tryLock") : call(t, "lock"));
                        thread.add(call(t, "unlock"));
                    }
                    threads.add(thread);
                }
                all.add(new ExecutionScenario(List.of(), threads, List.of(call(t, "tryLock")), null));
            }
            return all;
        }
    }

    public static class OnceOps {
        private final Once once = new Once();
        private final AtomicInteger finished = new AtomicInteger();

        /** "ran" if this call ran the action; "skipped" if it found the action finished, as Go promises. */
        @Operation
        public Object run() {
            boolean[] mine = {false};
            once.run(() -> {
                mine[0] = true;
                finished.incrementAndGet();
            });
            if (mine[0]) return "ran";
            return finished.get() == 1 ? "skipped" : "returned before the action finished";
        }

        /** Like {@link #run()}, with an action that panics: it still counts as done. */
        @Operation
        public Object runPanicking() {
            try {
                once.run(() -> {
                    finished.incrementAndGet();
                    throw new Panic("boom");
                });
            } catch (Panic p) {
                return "panicked";
            }
            return finished.get() == 1 ? "skipped" : "returned before the action finished";
        }

        @Operation
        public Object isDone() {
            return once.isDone();
        }
    }

    @Test
    @DisplayName("WaitGroup: add(-1..2) and count from 3 threads; model checking against a counter that panics below zero")
    void waitGroupModelChecking() {
        Scenarios.modelChecking(SyncModels.WaitGroupModel.class).check(WaitGroupOps.class);
    }

    @Test
    @DisplayName("WaitGroup: dones from 3 threads, each then waiting or reading the count; model checking: await returns only at zero")
    void waitGroupAwaitModelChecking() {
        Scenarios.modelChecking(SyncModels.WaitGroupModel.class, WaitGroupWaiting.scenarios(7)).check(WaitGroupWaiting.class);
    }

    @Test
    @DisplayName("WaitGroup: dones from 3 threads, each then waiting or reading the count; stress")
    void waitGroupAwaitStress() {
        Scenarios.stress(SyncModels.WaitGroupModel.class, WaitGroupWaiting.scenarios(8)).check(WaitGroupWaiting.class);
    }

    @Test
    @DisplayName("Mutex: tryLock and unlock from 3 threads; model checking against a lock that panics when unlocked twice")
    void mutexTryModelChecking() {
        Scenarios.modelChecking(SyncModels.MutexModel.class).check(MutexOps.class);
    }

    @Test
    @DisplayName("Mutex: lock/tryLock-then-unlock pairs from 3 threads; model checking: one holder at a time, no lost hand-off")
    void mutexModelChecking() {
        Scenarios.modelChecking(SyncModels.MutexModel.class, MutexLocking.scenarios(9)).check(MutexLocking.class);
    }

    @Test
    @DisplayName("Mutex: lock/tryLock-then-unlock pairs from 3 threads; stress")
    void mutexStress() {
        Scenarios.stress(SyncModels.MutexModel.class, MutexLocking.scenarios(10)).check(MutexLocking.class);
    }

    @Test
    @DisplayName("Once: run, a panicking run, isDone from 3 threads; model checking: one action, and nobody returns before it ends")
    void onceModelChecking() {
        Scenarios.modelChecking(SyncModels.OnceModel.class).check(OnceOps.class);
    }

    @Test
    @DisplayName("Once: run, a panicking run, isDone from 3 threads; stress")
    void onceStress() {
        Scenarios.stress(SyncModels.OnceModel.class).check(OnceOps.class);
    }
}
