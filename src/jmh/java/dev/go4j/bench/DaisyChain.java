package dev.go4j.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Go's daisy chain (Rob Pike, "Go Concurrency Patterns"): 100 000 goroutines in a row, each receiving a number
 * from its right neighbour and passing it plus one to its left, over unbuffered channels. A driver goroutine sends
 * 1 in at the right end and waits for 100 001 at the left. One operation is building and running the whole chain:
 * 100 000 spawns, 100 001 channels, 100 001 hand-offs, nearly all goroutines parked at once.
 */
@Scenario(value = "daisy chain of 100 000 goroutines", op = "chain")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DaisyChain {
    static final int LENGTH = 100_000;

    @Benchmark
    public void go4j() throws Exception {
        run(Workers.goroutines(LENGTH + 1), () -> Handoff.go4j(0));
    }

    @Benchmark
    public void jox() throws Exception {
        run(Workers.virtualThreads(LENGTH + 1), () -> Handoff.jox(0));
    }

    @Benchmark
    public void synchronousQueue() throws Exception {
        run(Workers.virtualThreads(LENGTH + 1), Handoff::synchronousQueue);
    }

    @Benchmark
    public void linkedTransferQueue() throws Exception {
        run(Workers.virtualThreads(LENGTH + 1), Handoff::linkedTransferQueue);
    }

    /** Each link has exactly one sender and one receiver, so an exchanger can stand for its channel. */
    @Benchmark
    public void exchanger() throws Exception {
        run(Workers.virtualThreads(LENGTH + 1), Handoff::exchanger);
    }

    /** A driver goroutine builds the chain, as Go's main goroutine does, and then runs it. */
    private static void run(Workers workers, Supplier<Handoff<Integer>> handoffs) throws Exception {
        workers.start(() -> {
            Handoff<Integer> leftmost = handoffs.get();
            Handoff<Integer> left = leftmost;
            for (int i = 0; i < LENGTH; i++) {
                Handoff<Integer> l = left;
                Handoff<Integer> r = handoffs.get();
                workers.start(() -> l.send(1 + r.recv()));
                left = r;
            }
            left.send(1);
            int result = leftmost.recv();
            if (result != LENGTH + 1) throw new IllegalStateException("chain returned " + result + ", expected " + (LENGTH + 1));
        });
        workers.await();
    }
}
