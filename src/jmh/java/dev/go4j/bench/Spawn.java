package dev.go4j.bench;

import dev.go4j.Go;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A goroutine starts 10 000 goroutines that each count down a latch and end, and waits for all of them. One
 * operation is one goroutine started and finished. The peer is a bare virtual thread, which is what every
 * goroutine runs on: the difference is go4j's bookkeeping per goroutine.
 */
@Scenario(value = "spawn and finish a goroutine", op = "goroutine")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class Spawn {
    static final int GOROUTINES = 10_000;

    @Benchmark
    @OperationsPerInvocation(GOROUTINES)
    public void go4j() throws Exception {
        Workers driver = Workers.goroutines(1);
        driver.start(() -> {
            CountDownLatch finished = new CountDownLatch(GOROUTINES);
            for (int i = 0; i < GOROUTINES; i++) Go.go(finished::countDown);
            finished.await();
        });
        driver.await();
    }

    @Benchmark
    @OperationsPerInvocation(GOROUTINES)
    public void virtualThread() throws Exception {
        Workers driver = Workers.virtualThreads(1);
        driver.start(() -> {
            CountDownLatch finished = new CountDownLatch(GOROUTINES);
            for (int i = 0; i < GOROUTINES; i++) Thread.ofVirtual().start(finished::countDown);
            finished.await();
        });
        driver.await();
    }
}
