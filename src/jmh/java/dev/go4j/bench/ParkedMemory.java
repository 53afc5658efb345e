package dev.go4j.bench;

import dev.go4j.Go;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Memory per parked goroutine: heap in use after parking N goroutines on one channel's receive, minus heap in use
 * before, divided by N, with a full GC before each reading. A virtual thread's stack moves to the heap when it
 * parks, so this counts the stack, the thread, go4j's goroutine record and the channel's waiter entry; the same
 * for the peers, each waiting in its own way on one shared instance.
 *
 * <p>Not a JMH benchmark (JMH times code; this weighs a state), but it writes its results in the shape of JMH's
 * JSON so that {@link ResultsTable} reads both. Each implementation is weighed in fresh JVMs of its own, several
 * of them (5 unless told), and its weight is their median: a parked stack keeps the frames of the code as the JIT
 * compiled it in that JVM, and the JIT does not compile the same way every time (go4j weighed from 688 to 809 B
 * in five JVMs in a row, a {@code LinkedTransferQueue} taker from 704 to 928 B).
 *
 * <pre>
 * java -cp benchmarks.jar dev.go4j.bench.ParkedMemory [--goroutines N] [--jvms K] [--out results.json]
 * </pre>
 */
@Scenario(value = "memory per parked goroutine", op = "goroutine")
public final class ParkedMemory {
    private static final Map<String, Supplier<Handoff<Integer>>> IMPLEMENTATIONS = Map.of(
            "go4j", () -> Handoff.go4j(0),
            "jox", () -> Handoff.jox(0),
            "synchronousQueue", Handoff::synchronousQueue,
            "linkedTransferQueue", Handoff::linkedTransferQueue,
            "arrayBlockingQueue", () -> Handoff.arrayBlockingQueue(1));
    private static final List<String> ORDER =
            List.of("go4j", "jox", "synchronousQueue", "linkedTransferQueue", "arrayBlockingQueue");
    private static final int DEFAULT_GOROUTINES = 100_000, DEFAULT_JVMS = 5;
    private static final int WARM_UP_ROUNDS = 5, WARM_UP_GOROUTINES = 20_000;
    private static final int WEIGHINGS = 3;
    private static final String CHILD = "--weigh";

    private ParkedMemory() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals(CHILD)) {
            System.out.println(weigh(args[1], Integer.parseInt(args[2])));
            System.exit(0); // the parked goroutines stay parked; nothing to clean up in a JVM that ends
        }
        int goroutines = DEFAULT_GOROUTINES, jvms = DEFAULT_JVMS;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--goroutines" -> goroutines = positive(value(args, ++i, "--goroutines"), "--goroutines");
                case "--jvms" -> jvms = positive(value(args, ++i, "--jvms"), "--jvms");
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                default -> usage("unknown argument: " + args[i]);
            }
        }
        // JVM after JVM, each weighing every implementation in turn, as the timed benchmarks run round after round.
        Map<String, double[]> weights = new LinkedHashMap<>();
        for (String impl : ORDER) weights.put(impl, new double[jvms]);
        for (int j = 0; j < jvms; j++) {
            for (String impl : ORDER) weights.get(impl)[j] = weighInChild(impl, goroutines);
        }
        List<String> entries = new ArrayList<>();
        for (String impl : ORDER) {
            double[] perJvm = weights.get(impl), sorted = perJvm.clone();
            Arrays.sort(sorted);
            double bytes = median(sorted);
            System.out.printf(Locale.ROOT, "%-20s %8.0f bytes per parked goroutine (%d parked; %s)%n",
                    impl, bytes, goroutines, jvms == 1 ? "one JVM" : String.format(Locale.ROOT,
                            "median of %d JVMs, from %.0f to %.0f", jvms, sorted[0], sorted[jvms - 1]));
            entries.add(jmhShaped(impl, goroutines, bytes, perJvm));
        }
        if (out != null) Files.writeString(out, "[\n" + String.join(",\n", entries) + "\n]\n", StandardCharsets.UTF_8);
    }

    /** The median of sorted {@code values}: the middle one, or the mean of the middle two. */
    static double median(double[] values) {
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double weighInChild(String impl, int goroutines) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xms2g", "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                ParkedMemory.class.getName(), CHILD, impl, Integer.toString(goroutines))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) throw new IllegalStateException("weighing " + impl + " failed (exit " + p.exitValue() + ")");
        return Double.parseDouble(output);
    }

    /**
     * Parks {@code goroutines} receivers on one fresh handoff and returns the heap bytes each one holds: the median
     * of {@value #WEIGHINGS} weighings, after a warm-up.
     */
    static double weigh(String impl, int goroutines) throws InterruptedException {
        Supplier<Handoff<Integer>> factory = IMPLEMENTATIONS.get(impl);
        if (factory == null) throw new IllegalArgumentException("unknown implementation: " + impl + "; one of " + ORDER);
        boolean go4j = impl.equals("go4j");
        // A parked thread's stack holds its frames as they are: an interpreted frame is larger than a compiled one.
        // Parking and releasing goroutines until the JIT has compiled the code they wait in means the weighing
        // counts what a parked goroutine holds in a running program, not how far the JIT has got.
        for (int i = 0; i < WARM_UP_ROUNDS; i++) release(park(go4j, factory.get(), Math.min(goroutines, WARM_UP_GOROUTINES)));

        double[] weights = new double[WEIGHINGS];
        for (int i = 0; i < WEIGHINGS; i++) {
            Handoff<Integer> handoff = factory.get();
            Thread[] parked = new Thread[goroutines]; // made before the first reading: it is not the goroutines' weight
            long before = heapUsedAfterGc();
            park(go4j, handoff, parked);
            long after = heapUsedAfterGc();
            weights[i] = (double) (after - before) / goroutines;
            release(parked);
        }
        Arrays.sort(weights);
        return median(weights);
    }

    private static Thread[] park(boolean go4j, Handoff<Integer> handoff, int count) throws InterruptedException {
        Thread[] threads = new Thread[count];
        park(go4j, handoff, threads);
        return threads;
    }

    private static void release(Thread[] parked) throws InterruptedException {
        for (Thread t : parked) t.interrupt();
        for (Thread t : parked) t.join();
    }

    /** Starts one receiver per slot of {@code threads}, records it there, and returns once all of them wait. */
    private static void park(boolean go4j, Handoff<Integer> handoff, Thread[] threads) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(threads.length);
        for (int i = 0; i < threads.length; i++) {
            int slot = i;
            // Each starts its receiver from a lambda of its own kind, so that neither carries an adapter from the other.
            if (go4j) Go.go(() -> receive(handoff, threads, slot, started));
            else Thread.ofVirtual().start(() -> receive(handoff, threads, slot, started));
        }
        started.await();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        for (Thread t : threads) {
            while (t.getState() != Thread.State.WAITING) {
                if (System.nanoTime() > deadline) throw new IllegalStateException(t + " did not park: " + t.getState());
                Thread.sleep(1);
            }
        }
    }

    /** A receiver's body: records its thread in {@code threads[slot]}, says it started, and waits for a value. */
    private static void receive(Handoff<Integer> handoff, Thread[] threads, int slot, CountDownLatch started) {
        threads[slot] = Thread.currentThread();
        started.countDown();
        try {
            handoff.recv();
        } catch (InterruptedException | RuntimeException e) {
            // released by interrupt (go4j reports it as UncheckedInterruptedException)
        }
    }

    private static long heapUsedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * One implementation's result as JMH writes one benchmark's: the median as its score, and each JVM's weight as
     * the raw data of one fork.
     */
    private static String jmhShaped(String impl, int goroutines, double bytes, double[] perJvm) {
        String raw = Arrays.stream(perJvm).mapToObj(b -> String.format(Locale.ROOT, "[%.1f]", b))
                .collect(Collectors.joining(", ", "[", "]"));
        return String.format(Locale.ROOT, """
                  {"benchmark": "%s.%s", "mode": "memory", "forks": %d, "params": {"goroutines": "%d"},
                   "primaryMetric": {"score": %.1f, "scoreUnit": "B/op", "rawData": %s}}""",
                ParkedMemory.class.getName(), impl, perJvm.length, goroutines, bytes, raw);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) usage(option + " needs a value");
        return args[i];
    }

    private static int positive(String s, String option) {
        try {
            int n = Integer.parseInt(s);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // falls through to the usage message
        }
        usage(option + " needs a positive whole number, not " + s);
        return 0;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java -cp benchmarks.jar " + ParkedMemory.class.getName()
                + " [--goroutines N] [--jvms K] [--out results.json]");
        System.exit(2);
    }
}
