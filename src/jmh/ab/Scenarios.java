import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.Task;
import dev.go4j.WaitGroup;
import java.util.concurrent.CountDownLatch;

/**
 * The scenarios that {@code scripts/ab.sh} times, written against go4j's public API only, so that one source
 * compiles against either of the two versions it compares. Each runs as a go4j program and returns nanoseconds per
 * value (per round trip for ping-pong, per goroutine for spawn and the daisy chain).
 */
public final class Scenarios {
    static final int VALUES = 200_000;
    static final int PAIRS = 10_000, PER_PAIR = 100;
    static final int SPAWNS = 100_000;
    static final int LINKS = 100_000;
    static final int WORKERS = 64;
    static final int PIPELINES = 8;

    private Scenarios() {}

    public static double run(String scenario) {
        long[] nanos = new long[1];
        Go.run(() -> {
            long start = System.nanoTime();
            body(scenario);
            nanos[0] = System.nanoTime() - start;
        });
        return nanos[0] / (double) operations(scenario);
    }

    /** What one run of {@code scenario} counts: values, round trips, goroutines started, or links of the chain. */
    private static int operations(String scenario) {
        return switch (scenario) {
            case "pairs10k" -> PAIRS * PER_PAIR;
            case "spawn" -> SPAWNS;
            case "daisy" -> LINKS;
            default -> VALUES;
        };
    }

    private static void body(String scenario) {
        switch (scenario) {
            case "pair" -> pair(Go.chan());
            case "cap1" -> pair(Go.chan(1));
            case "cap16" -> pair(Go.chan(16));
            case "cap100" -> pair(Go.chan(100));
            case "pingpong" -> pingPong();
            case "select" -> selectTwo();
            case "pairs10k" -> manyPairs();
            case "spawn" -> spawn();
            case "daisy" -> daisyChain();
            case "pool" -> workerPool();
            case "selectpool" -> selectPool();
            case "pipelines" -> pipelines();
            default -> throw new IllegalArgumentException("unknown scenario " + scenario + "; one of pair, cap1, cap16, "
                    + "cap100, pingpong, select, pairs10k, spawn, daisy, pool, selectpool, pipelines");
        }
    }

    /** One goroutine sends, main receives. */
    private static void pair(Chan<Integer> c) {
        WaitGroup wg = new WaitGroup();
        wg.go(() -> {
            for (int i = 0; i < VALUES; i++) c.send(1);
        });
        long sum = 0;
        for (int i = 0; i < VALUES; i++) sum += c.recv();
        wg.await();
        check(sum, VALUES);
    }

    /** Main sends each value to a goroutine, which sends it straight back. */
    private static void pingPong() {
        Chan<Integer> ping = Go.chan(), pong = Go.chan();
        WaitGroup wg = new WaitGroup();
        wg.go(() -> {
            for (int i = 0; i < VALUES; i++) pong.send(ping.recv());
        });
        long sum = 0;
        for (int i = 0; i < VALUES; i++) {
            ping.send(1);
            sum += pong.recv();
        }
        wg.await();
        check(sum, VALUES);
    }

    /** Two senders, each on its own channel; main selects over both. */
    private static void selectTwo() {
        Chan<Integer> a = Go.chan(), b = Go.chan();
        WaitGroup wg = new WaitGroup();
        wg.go(() -> {
            for (int i = 0; i < VALUES / 2; i++) a.send(1);
        });
        wg.go(() -> {
            for (int i = 0; i < VALUES / 2; i++) b.send(1);
        });
        long[] sum = {0};
        for (int i = 0; i < VALUES; i++) Go.select(Go.recv(a, v -> sum[0] += v), Go.recv(b, v -> sum[0] += v));
        wg.await();
        check(sum[0], VALUES);
    }

    /** Main starts 10 000 pairs of goroutines, each pair a sender and a receiver on a channel of its own. */
    private static void manyPairs() {
        WaitGroup wg = new WaitGroup();
        for (int p = 0; p < PAIRS; p++) {
            Chan<Integer> c = Go.chan();
            wg.go(() -> {
                for (int i = 0; i < PER_PAIR; i++) c.send(1);
            });
            wg.go(() -> {
                long sum = 0;
                for (int i = 0; i < PER_PAIR; i++) sum += c.recv();
                check(sum, PER_PAIR);
            });
        }
        wg.await();
    }

    /** Main starts goroutines that each count a latch down and end, and waits for all of them. */
    private static void spawn() {
        CountDownLatch finished = new CountDownLatch(SPAWNS);
        for (int i = 0; i < SPAWNS; i++) Go.go(finished::countDown);
        try {
            finished.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Go's daisy chain: main builds a row of goroutines, each passing what it receives from its right neighbour to
     * its left, plus one; then sends 1 in at the right end and receives the total at the left.
     */
    private static void daisyChain() {
        Chan<Integer> leftmost = Go.chan();
        Chan<Integer> left = leftmost;
        for (int i = 0; i < LINKS; i++) {
            Chan<Integer> l = left, r = Go.chan();
            Go.go(() -> l.send(1 + r.recv()));
            left = r;
        }
        left.send(1);
        check(leftmost.recv(), LINKS + 1);
    }

    /**
     * A worker pool: a goroutine hands jobs to {@value #WORKERS} workers over one unbuffered channel, and they send
     * their results to main over another. More goroutines are ready to run than there are carriers.
     */
    private static void workerPool() {
        Chan<Integer> jobs = Go.chan(), results = Go.chan();
        pool(jobs, jobs, results, () -> {
            for (Integer job : jobs) results.send(job);
        });
    }

    /**
     * {@link #workerPool}, with workers that select over the jobs and a channel that the sender closes once it has
     * sent every job, as a worker that can be told to stop does.
     */
    private static void selectPool() {
        Chan<Integer> jobs = Go.chan(), results = Go.chan(), done = Go.chan();
        pool(jobs, done, results, () -> {
            int chosen;
            do chosen = Go.select(Go.recv(jobs, results::send), Go.recv(done)); while (chosen == 0);
        });
    }

    /**
     * Sends {@value #VALUES} jobs of 1 on {@code jobs} and then closes {@code closedOnceSent}, while
     * {@value #WORKERS} goroutines run {@code worker}; main receives as many results, and checks their sum.
     */
    private static void pool(Chan<Integer> jobs, Chan<Integer> closedOnceSent, Chan<Integer> results, Task worker) {
        WaitGroup wg = new WaitGroup();
        wg.go(() -> {
            for (int i = 0; i < VALUES; i++) jobs.send(1);
            closedOnceSent.close();
        });
        for (int w = 0; w < WORKERS; w++) wg.go(worker);
        long sum = 0;
        for (int i = 0; i < VALUES; i++) sum += results.recv();
        wg.await();
        check(sum, VALUES);
    }

    /**
     * {@value #PIPELINES} pipelines side by side, each a source, two stages and a sink joined by unbuffered channels,
     * each stage ranging over the channel before it and closing the one after it.
     */
    private static void pipelines() {
        int perPipeline = VALUES / PIPELINES;
        WaitGroup wg = new WaitGroup();
        for (int p = 0; p < PIPELINES; p++) {
            Chan<Integer> first = Go.chan(), second = Go.chan(), third = Go.chan();
            wg.go(() -> {
                for (int i = 0; i < perPipeline; i++) first.send(1);
                first.close();
            });
            wg.go(() -> stage(first, second));
            wg.go(() -> stage(second, third));
            wg.go(() -> {
                long sum = 0;
                for (Integer v : third) sum += v;
                check(sum, perPipeline);
            });
        }
        wg.await();
    }

    /** Passes on every value of {@code in} to {@code out}, then closes {@code out}. */
    private static void stage(Chan<Integer> in, Chan<Integer> out) {
        for (Integer v : in) out.send(v);
        out.close();
    }

    private static void check(long sum, long expected) {
        if (sum != expected) throw new IllegalStateException("received " + sum + ", expected " + expected);
    }
}
