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
 * Two goroutines bounce a value over two unbuffered channels: one sends a ping and waits for the pong, the
 * other answers each ping. One operation is a full round trip, two rendezvous and two wake-ups.
 */
@Scenario(value = "ping-pong round trip", op = "round trip")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PingPong {
    static final int ROUND_TRIPS = 50_000;

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public void go4j() throws Exception {
        run(Workers.goroutines(2), () -> Handoff.go4j(0));
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public void jox() throws Exception {
        run(Workers.virtualThreads(2), () -> Handoff.jox(0));
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public void synchronousQueue() throws Exception {
        run(Workers.virtualThreads(2), Handoff::synchronousQueue);
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public void linkedTransferQueue() throws Exception {
        run(Workers.virtualThreads(2), Handoff::linkedTransferQueue);
    }

    /** Two exchangers, one per direction: each round trip is two exchanges, as it is two channel hand-offs. */
    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public void exchanger() throws Exception {
        run(Workers.virtualThreads(2), Handoff::exchanger);
    }

    private static void run(Workers workers, Supplier<Handoff<Integer>> handoffs) throws Exception {
        Handoff<Integer> ping = handoffs.get();
        Handoff<Integer> pong = handoffs.get();
        workers.start(() -> {
            long sum = 0;
            for (int i = 0; i < ROUND_TRIPS; i++) {
                ping.send(Values.VALUE);
                sum += pong.recv();
            }
            Values.expectSum(sum, ROUND_TRIPS);
        });
        workers.start(() -> {
            for (int i = 0; i < ROUND_TRIPS; i++) pong.send(ping.recv());
        });
        workers.await();
    }
}
