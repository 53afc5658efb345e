package dev.go4j.bench;

import dev.go4j.Go;
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

/**
 * One goroutine sends a value into a channel of capacity 1 and receives it back, over and over: the channel's
 * fast path, where nothing ever waits. With {@code tracing off} this is what every program pays; with
 * {@code tracing on} the goroutine runs inside {@link Go#trace}, which records each send and receive.
 * go4j runs as a program in both cases ({@link Go#run} or {@link Go#trace}), so the two differ only in tracing.
 */
@Scenario(value = "channel fast path: send then receive, never waiting", op = "send+receive")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FastPath {
    /** Fewer than a trace keeps (a million events), so that a traced run records every operation. */
    static final int VALUES = 200_000;

    @Param({"off", "on"})
    public String tracing;

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void go4j() {
        Handoff<Integer> channel = Handoff.go4j(1);
        if (tracing.equals("on")) {
            if (Go.trace(() -> loop(channel)).failure() != null) throw new IllegalStateException("the traced run failed");
        } else {
            Go.run(() -> loop(channel));
        }
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void jox() throws Exception {
        onVirtualThread(Handoff.jox(1));
    }

    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void arrayBlockingQueue() throws Exception {
        onVirtualThread(Handoff.arrayBlockingQueue(1));
    }

    private static void onVirtualThread(Handoff<Integer> queue) throws Exception {
        Workers one = Workers.virtualThreads(1);
        one.start(() -> loop(queue));
        one.await();
    }

    private static void loop(Handoff<Integer> h) throws InterruptedException {
        long sum = 0;
        for (int i = 0; i < VALUES; i++) {
            h.send(Values.VALUE);
            sum += h.recv();
        }
        Values.expectSum(sum, VALUES);
    }
}
