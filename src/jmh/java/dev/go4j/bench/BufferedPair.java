package dev.go4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One goroutine sends values into a buffered channel, another receives them. */
@Scenario(value = "buffered send/receive pair", op = "value")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class BufferedPair {
    static final int VALUES = 100_000;

    @Param({"1", "16", "100"})
    public int capacity;

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void go4j() throws Exception {
        Pairs.transfer(Workers.goroutines(2), Handoff.go4j(capacity), VALUES);
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void jox() throws Exception {
        Pairs.transfer(Workers.virtualThreads(2), Handoff.jox(capacity), VALUES);
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void arrayBlockingQueue() throws Exception {
        Pairs.transfer(Workers.virtualThreads(2), Handoff.arrayBlockingQueue(capacity), VALUES);
    }
}
