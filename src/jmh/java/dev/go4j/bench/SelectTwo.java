package dev.go4j.bench;

import com.softwaremill.jox.Channel;
import com.softwaremill.jox.Select;
import dev.go4j.Chan;
import dev.go4j.Go;
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
 * Two goroutines each send into their own unbuffered channel; a third receives with a select over both channels.
 * One operation is one select that received a value.
 *
 * <p>jox is the only peer: no JDK queue can wait on two queues at once. A poll loop over two queues spins instead
 * of waiting, and merging both senders into one queue is a different, simpler program.
 */
@Scenario(value = "select over 2 channels", op = "select")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SelectTwo {
    static final int SELECTS = 100_000;
    private static final int PER_SENDER = SELECTS / 2;

    @Benchmark
    @OperationsPerInvocation(SELECTS)
    public void go4j() throws Exception {
        Chan<Integer> a = Go.chan();
        Chan<Integer> b = Go.chan();
        Workers workers = Workers.goroutines(3);
        workers.start(() -> { for (int i = 0; i < PER_SENDER; i++) a.send(Values.VALUE); });
        workers.start(() -> { for (int i = 0; i < PER_SENDER; i++) b.send(Values.VALUE); });
        workers.start(() -> {
            long[] sum = {0};
            for (int i = 0; i < SELECTS; i++) {
                Go.select(Go.recv(a, v -> sum[0] += v), Go.recv(b, v -> sum[0] += v));
            }
            Values.expectSum(sum[0], SELECTS);
        });
        workers.await();
    }

    @Benchmark
    @OperationsPerInvocation(SELECTS)
    public void jox() throws Exception {
        Channel<Integer> a = Channel.newRendezvousChannel();
        Channel<Integer> b = Channel.newRendezvousChannel();
        Workers workers = Workers.virtualThreads(3);
        workers.start(() -> { for (int i = 0; i < PER_SENDER; i++) a.send(Values.VALUE); });
        workers.start(() -> { for (int i = 0; i < PER_SENDER; i++) b.send(Values.VALUE); });
        workers.start(() -> {
            long sum = 0;
            for (int i = 0; i < SELECTS; i++) sum += Select.select(a.receiveClause(), b.receiveClause());
            Values.expectSum(sum, SELECTS);
        });
        workers.await();
    }
}
