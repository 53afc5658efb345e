package dev.go4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Go program: a {@code main} function and every goroutine it starts, directly or not. Run one with
 * {@link Go#run(Task)} (or {@link #run(Duration, Task)} for a report).
 *
 * <p>As in Go: the program ends when {@code main} returns, and its goroutines stop with it; they print nothing
 * more (but the rest of a line begun before). Beyond Go, the program also ends, with a clear error, when
 * <ul>
 *   <li>every goroutine is blocked on a go4j operation and no timer is armed: {@link DeadlockError}, which
 *       lists who waits on what;
 *   <li>a goroutine throws: {@link GoroutinePanic} ("panic: ...", and which goroutine);
 *   <li>it runs past its time limit: {@link TimeLimitExceeded}, with a dump of every goroutine.
 * </ul>
 * Goroutines still blocked when {@code main} returns are reported as leaks.
 *
 * <p>Code outside any {@code run} belongs to the REPL program, which never ends. When a notebook kernel asks
 * for it ({@link #watchRepl}), a deadlock there is reported to the threads that are not goroutines (a cell's)
 * when they wait and every goroutine is blocked too; goroutines are never stopped.
 *
 * <p>Threads that go4j did not start are invisible until they first use go4j, and from then on, until they end,
 * count as running whenever they are not blocked in go4j: start concurrent work with {@code go}.
 */
public final class Program {
    /*
     * Deadlock detection, in short. `running` counts the goroutines started by go4j that are not asleep in
     * Parker.await; whoever wakes a goroutine counts it back in (Parker.end). When `running` drops to zero (a
     * goroutine blocks or ends), or a foreign thread blocks while it is zero, or a timer of the program is
     * disarmed while it is zero, `checkDeadlock` scans the members: the program is deadlocked if every live
     * member is asleep (its Parker still waiting) and no timer is armed. A second pass confirms that nobody
     * moved in between.
     */

    /** Where code outside any {@link #run} lives. */
    static final Program REPL = new Program();
    private static final Set<Program> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile Duration defaultTimeLimit = Duration.ofSeconds(30);
    /** Whether deadlocks are looked for outside programs too (a notebook's cells); see {@link #watchRepl}. */
    private static volatile boolean watchRepl;
    private static final Duration REPL_GRACE = Duration.ofMillis(300);
    /** The fewest threads not started by go4j that join between two {@link #forgetEndedThreads} calls. */
    private static final int FORGET_MIN_JOINS = 64;

    private final Members members = new Members();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger foreignJoins = new AtomicInteger(); // since the last forgetEndedThreads
    private volatile int membersKeptByLastForget;
    private final AtomicLong goroutineIds = new AtomicLong();
    private final Set<Timers.Alarm> alarms = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch over = new CountDownLatch(1);
    private volatile Goroutine main;
    private volatile boolean ended;

    /** Programs are made by {@link #run}, and the REPL's is made once. */
    Program() {}

    /** What a finished program left behind. */
    public record Result(Duration elapsed, List<String> leaked, List<String> unstoppable) {
        /** Whether every goroutine had finished or was stopped cleanly. */
        public boolean clean() {
            return leaked.isEmpty() && unstoppable.isEmpty();
        }

        /** The leak report, as printed by {@link Go#run(Task)}; empty when clean. */
        public String report() {
            StringBuilder sb = new StringBuilder();
            if (!leaked.isEmpty()) {
                sb.append("goroutine leak: main returned while ").append(count(leaked.size()))
                        .append(" still blocked, waiting forever:\n\n");
                leaked.forEach(l -> sb.append(l).append('\n'));
            }
            if (!unstoppable.isEmpty()) {
                sb.append(count(unstoppable.size())).append(" kept running after main returned and could not be"
                        + " stopped (a loop that never blocks or sleeps); restart the kernel to get its CPU back:\n\n");
                unstoppable.forEach(l -> sb.append(l).append('\n'));
            }
            return sb.toString();
        }

        private static String count(int n) {
            return n == 1 ? "1 goroutine was" : n + " goroutines were";
        }
    }

    /**
     * Turns deadlock detection on or off for code outside any {@link #run} (off by default). Notebook kernels
     * turn it on: a cell whose thread waits on a go4j operation while every goroutine is blocked too, for a
     * moment with nothing changing, then fails with {@link DeadlockError}, and goroutines are left alone.
     * Library code outside programs is never interrupted by it unless this is on.
     */
    public static void watchRepl(boolean on) {
        watchRepl = on;
    }

    /** The time limit for programs run by {@link Go#run(Task)}; 30 seconds unless changed. */
    public static Duration defaultTimeLimit() {
        return defaultTimeLimit;
    }

    /** Changes the time limit for programs run by {@link Go#run(Task)}. */
    public static void setDefaultTimeLimit(Duration limit) {
        requirePositive(limit);
        defaultTimeLimit = limit;
    }

    /**
     * Runs {@code main} as a Go program (see the class comment) and waits for it to end.
     *
     * @return what the program left behind: leaked goroutines and goroutines that could not be stopped
     * @throws DeadlockError     if every goroutine of the program became blocked for good
     * @throws GoroutinePanic    if a goroutine other than main threw
     * @throws TimeLimitExceeded if the program ran longer than {@code limit}
     * @throws RuntimeException  or {@link Error}: what {@code main} threw, as it threw it
     */
    public static Result run(Duration limit, Task main) {
        return run(limit, main, p -> {});
    }

    /** {@link #run(Duration, Task)}, calling {@code beforeStart} with the program before main starts. */
    static Result run(Duration limit, Task main, java.util.function.Consumer<Program> beforeStart) {
        requirePositive(limit);
        Objects.requireNonNull(main, "main");
        Program p = new Program();
        beforeStart.accept(p);
        LIVE.add(p);
        OutputGate.install();
        long start = System.nanoTime();
        try {
            p.main = Goroutine.create("main", p, main);
            p.main.launch();
            if (!p.over.await(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                p.fail(new TimeLimitExceeded(limit, GoroutineDump.of(p.members.snapshot())));
            }
        } catch (InterruptedException e) {
            p.fail(new UncheckedInterruptedException(e));
        }
        Result result = p.stop(Duration.ofNanos(System.nanoTime() - start));
        LIVE.remove(p);
        Throwable t = p.failure.get();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        if (t != null) throw new GoroutinePanic(p.main, t);
        return result;
    }

    /** A dump of every goroutine go4j knows, in every program, in Go's format with the learner's frames. */
    public static String dumpAll() {
        List<Goroutine> all = REPL.members.snapshot();
        for (Program p : LIVE) all.addAll(p.members.snapshot());
        return GoroutineDump.of(all);
    }

    /** How many goroutines the program has now (for the REPL: those started with go, plus threads that used go4j). */
    int size() {
        return members.size();
    }

    /** Whether this program has ended; its goroutines' output is then dropped. */
    boolean ended() {
        return ended;
    }

    // ---- membership and accounting, called by Goroutine and Timers -------------------------------------------

    /** Goroutines are numbered per program, from 1, so a program's reports read the same on every run. */
    long nextGoroutineId() {
        return goroutineIds.incrementAndGet();
    }

    void join(Goroutine g) {
        members.add(g);
        if (g.spawned) {
            running.incrementAndGet();
        } else if (foreignJoins.incrementAndGet() >= Math.max(FORGET_MIN_JOINS, membersKeptByLastForget)) {
            forgetEndedThreads();
        }
    }

    /**
     * Removes the members that are threads go4j did not start and that have ended. Nothing else tells when such a
     * thread ends, and a server whose request threads use channels would otherwise keep a record (and the thread)
     * for every request it ever served. It runs once as many such threads joined as it kept members the last time
     * (at least {@link #FORGET_MIN_JOINS}), so each join pays a constant amount on average, and the ended threads
     * still held never outnumber twice the members kept, plus that minimum. Two calls may overlap: removing a member
     * twice is harmless.
     */
    private void forgetEndedThreads() {
        foreignJoins.set(0);
        int[] kept = {0};
        members.allMatch(m -> {
            if (!forgetIfEnded(m)) kept[0]++;
            return true;
        });
        membersKeptByLastForget = kept[0];
    }

    /** Removes {@code m} if it is a thread that go4j did not start and that has ended, and says whether it did. */
    private boolean forgetIfEnded(Goroutine m) {
        if (m.spawned || m.thread.isAlive()) return false;
        members.remove(m);
        return true;
    }

    void leave(Goroutine g) {
        if (g == main) finish(null); // ends the program before main stops being a member: no false deadlock
        members.remove(g);
        if (running.decrementAndGet() == 0) checkDeadlock();
    }

    void blocked(Goroutine g) {
        if (g.spawned ? running.decrementAndGet() == 0 : running.get() == 0) checkDeadlock();
    }

    /**
     * Whether more of this program's goroutines are ready to run than twice the carriers, so that more goroutines
     * wait for a carrier than there are carriers; or whether there is only one carrier. A goroutine about to wait
     * then does not spin: its carrier has other work, and the partner it would spin for is most likely one of those
     * waiting, so it parks, or first yields to them (see {@link Parker#await(String, Object, int)}). (Go's scheduler
     * spins only while no goroutine waits for a processor. A few waiting ones are let be: with three goroutines on two
     * carriers, as in a select over two senders, the partner is most likely running, and spinning made that select
     * nearly twice as fast.)
     *
     * <p>On a single carrier ({@code gomaxprocs(1)}), a spinning goroutine holds the one carrier its partner needs,
     * so it always spins in vain: a select over two senders took 2.6 µs a value spinning, and 0.34 µs parking at once.
     */
    boolean crowded() {
        int carriers = Carriers.count();
        return carriers == 1 || running.get() > 2 * carriers;
    }

    void resumed(Goroutine g) {
        if (g.spawned) running.incrementAndGet();
    }

    void armed(Timers.Alarm a) {
        alarms.add(a);
    }

    void disarmed(Timers.Alarm a) {
        if (alarms.remove(a) && running.get() == 0) checkDeadlock();
    }

    /** A goroutine of this program ended by throwing {@code t}. */
    void panicked(Goroutine g, Throwable t) {
        if (this == REPL) {
            Panics.report(g, t);
        } else if (!ended) {
            fail(g == main ? t : new GoroutinePanic(g, t));
        }
    }

    // ---- ending -----------------------------------------------------------------------------------------

    /** Ends the program now, with {@code t} unless it already ended: from here on its goroutines are mute. */
    private void finish(Throwable t) {
        synchronized (failure) {
            if (ended) return;
            failure.set(t);
            ended = true;
        }
        over.countDown();
    }

    private void fail(Throwable t) {
        finish(t);
    }

    /** Ends the program: reports leaks, stops every goroutine, waits a little for them to go. */
    private Result stop(Duration elapsed) {
        settle();
        List<Goroutine> leaked = new ArrayList<>();
        for (Goroutine m : members.snapshot()) if (m != main && m.isAsleep()) leaked.add(m);
        List<String> leakReport = GoroutineDump.describeInOrder(leaked);
        for (Timers.Alarm a : alarms) a.cancel();
        for (Goroutine m : members.snapshot()) m.thread.interrupt();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (!members.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<String> unstoppable = GoroutineDump.describeInOrder(members.snapshot());
        return new Result(elapsed, leakReport, unstoppable);
    }

    /**
     * Lets goroutines that are on their way to block get there, so that a leak is seen as one: up to 50 ms for
     * those that run, and until a short sleep ends and the sleeper had 50 ms to go on (up to 250 ms in all) for
     * those that sleep, like Pike's boring generator resting between two sends.
     */
    private void settle() {
        long start = System.nanoTime(), until = start + TimeUnit.MILLISECONDS.toNanos(50);
        long cap = start + TimeUnit.MILLISECONDS.toNanos(250);
        while (running.get() > 0) {
            long now = System.nanoTime();
            for (Goroutine m : members.snapshot()) {
                long wake = m.wakeAt();
                if (wake != 0 && wake < cap) until = Math.max(until, wake + TimeUnit.MILLISECONDS.toNanos(50));
            }
            if (now >= Math.min(until, cap)) return;
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---- deadlock detection -------------------------------------------------------------------------------

    private void checkDeadlock() {
        if (this == REPL && !watchRepl) return;
        List<Parker> stuck = stuckParkers();
        if (stuck == null) return;
        if (this == REPL) {
            // Outside a program, threads that go4j did not start are invisible until they use go4j: give
            // them a moment to show up before calling it a deadlock.
            Timers.later(REPL_GRACE, () -> {
                if (stuck.equals(stuckParkers())) declareDeadlock(stuck);
            });
        } else {
            declareDeadlock(stuck);
        }
    }

    /**
     * The waits of every member if all of them are asleep and no timer can wake one (checked twice, so that
     * nobody moved in between), or null.
     */
    private List<Parker> stuckParkers() {
        if (ended || !alarms.isEmpty() || running.get() != 0) return null;
        List<Parker> parkers = new ArrayList<>();
        boolean allAsleep = members.allMatch(m -> {
            if (forgetIfEnded(m)) return true;
            if (m.spawned && !m.thread.isAlive()) return false; // not started yet: it is about to run
            Parker p = m.parker;
            if (p == null || !p.isWaiting()) return false; // this one runs, sleeps, or was just woken
            parkers.add(p);
            return true;
        });
        if (!allAsleep || parkers.isEmpty()) return null;
        if (this == REPL && parkers.stream().allMatch(p -> p.goroutine().spawned)) return null;
        if (running.get() != 0 || !alarms.isEmpty()) return null;
        for (Parker p : parkers) if (!p.isWaiting() || p.goroutine().parker != p) return null;
        return parkers;
    }

    private void declareDeadlock(List<Parker> stuck) {
        DeadlockError error = new DeadlockError(GoroutineDump.of(stuck.stream().map(Parker::goroutine).toList()));
        if (this == REPL) {
            for (Parker p : stuck) if (!p.goroutine().spawned) p.abort(error);
        } else {
            fail(error);
        }
    }

    private static void requirePositive(Duration limit) {
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative() || limit.isZero()) throw new IllegalArgumentException("time limit must be positive: " + limit);
    }

    @Override
    public String toString() {
        return this == REPL ? "REPL" : "Program(" + members.size() + " goroutines" + (ended ? ", ended" : "") + ")";
    }
}
