package dev.go4j.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 10 000 sender/receiver pairs at once, each pair with its own unbuffered channel and 100 values: 20 000
 * goroutines competing for the carrier threads. One operation is one value; compare with
 * {@link UnbufferedPair} to see what scheduling many goroutines costs.
 */
@Scenario(value = "10 000 concurrent pairs", op = "value")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ManyPairs {
    static final int PAIRS = 10_000;
    static final int VALUES_PER_PAIR = 100;
    static final int VALUES = PAIRS * VALUES_PER_PAIR;

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void go4j() throws Exception {
        run(Workers.goroutines(2 * PAIRS + 1), () -> Handoff.go4j(0));
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void jox() throws Exception {
        run(Workers.virtualThreads(2 * PAIRS + 1), () -> Handoff.jox(0));
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void synchronousQueue() throws Exception {
        run(Workers.virtualThreads(2 * PAIRS + 1), Handoff::synchronousQueue);
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void linkedTransferQueue() throws Exception {
        run(Workers.virtualThreads(2 * PAIRS + 1), Handoff::linkedTransferQueue);
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void exchanger() throws Exception {
        run(Workers.virtualThreads(2 * PAIRS + 1), Handoff::exchanger);
    }

    private static void run(Workers workers, Supplier<Handoff<Integer>> handoffs) throws Exception {
        workers.start(() -> { // a driver goroutine starts the pairs, so spawning happens as in Go
            for (int p = 0; p < PAIRS; p++) Pairs.start(workers, handoffs.get(), VALUES_PER_PAIR);
        });
        workers.await();
    }
}
