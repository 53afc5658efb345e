package dev.go4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** One goroutine sends values into an unbuffered channel, another receives them: the cost of one rendezvous. */
@Scenario(value = "unbuffered send/receive pair", op = "value")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class UnbufferedPair {
    static final int VALUES = 100_000;

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void go4j() throws Exception {
        Pairs.transfer(Workers.goroutines(2), Handoff.go4j(0), VALUES);
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void jox() throws Exception {
        Pairs.transfer(Workers.virtualThreads(2), Handoff.jox(0), VALUES);
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void synchronousQueue() throws Exception {
        Pairs.transfer(Workers.virtualThreads(2), Handoff.synchronousQueue(), VALUES);
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void linkedTransferQueue() throws Exception {
        Pairs.transfer(Workers.virtualThreads(2), Handoff.linkedTransferQueue(), VALUES);
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void exchanger() throws Exception {
        Pairs.transfer(Workers.virtualThreads(2), Handoff.exchanger(), VALUES);
    }
}
