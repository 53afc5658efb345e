package dev.go4j.bench;

import dev.go4j.course.Shell;
import dev.go4j.notebook.JsonReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The benchmark commands, run as the README says: {@code ./go4j bench} builds the JMH benchmarks, runs a scenario for
 * go4j and every peer, weighs a parked goroutine, and ends with the table, whose numbers are the ones JMH wrote; the
 * table keeps each implementation's best round and gives Go columns of its own; {@code ./go4j ab} compiles and times
 * two versions of the runtime. The scores themselves are not checked: speed is for the benchmarks to report, not for
 * a test to assert.
 */
@DisplayName("./go4j bench and ./go4j ab")
class BenchCommandIT {
    static final Path RESULTS = Shell.ROOT.resolve("target/bench/results");
    static final String UNBUFFERED = "unbuffered send/receive pair";
    /** go4j and the peers of the unbuffered pair. */
    static final Set<String> UNBUFFERED_IMPLEMENTATIONS =
            Set.of("go4j", "jox", "synchronousQueue", "linkedTransferQueue", "exchanger");

    static Shell.Run bench;

    @BeforeAll
    static void runBench() {
        bench = Shell.run(Map.of(), 10, "./go4j", "bench", "--quick", "--no-notebooks", "UnbufferedPair");
        assertTrue(bench.ok(), "./go4j bench failed:\n" + bench.output());
    }

    @Test
    @DisplayName("bench: the table shows JMH's go4j score, the best peer's, and their ratio")
    void tableMatchesJmh() throws IOException {
        Map<String, Double> scores = scores(RESULTS.resolve("jmh-1.json"), "dev.go4j.bench.UnbufferedPair.");
        assertEquals(UNBUFFERED_IMPLEMENTATIONS, scores.keySet(), "go4j and every peer ran");
        scores.forEach((impl, score) -> assertTrue(score > 0 && Double.isFinite(score), impl + " scored " + score));

        String[] row = row(bench.output(), UNBUFFERED);
        assertEquals("ns/value", row[1]);
        assertClose(scores.get("go4j"), number(row[2]), "go4j's score");
        var best = scores.entrySet().stream().filter(e -> !e.getKey().equals("go4j"))
                .min(Map.Entry.comparingByValue()).orElseThrow();
        String[] peer = row[3].split(" ");
        assertEquals(best.getKey(), peer[1], "the best peer is the lowest-cost one: " + scores);
        assertClose(best.getValue(), number(peer[0]), "the best peer's score");
        assertClose(scores.get("go4j") / best.getValue(), number(row[4]), "the ratio");
    }

    @Test
    @DisplayName("bench: each score is shown with the core-to-core round trip measured in its fork")
    void coreToCore() throws IOException {
        Map<String, Double> trips = secondary(RESULTS.resolve("jmh-1.json"), "dev.go4j.bench.UnbufferedPair.", "core-to-core");
        assertEquals(UNBUFFERED_IMPLEMENTATIONS, trips.keySet(), "measured in every fork");
        // A cache line crosses between two cores in tens to hundreds of ns; far outside that, the probe is broken.
        trips.forEach((impl, ns) -> assertTrue(ns > 5 && ns < 100_000, impl + ": " + ns + " ns"));

        String[] row = row(bench.output(), UNBUFFERED);
        String peer = row[3].split(" ")[1];
        String[] shown = row[5].split(", ");
        assertEquals(2, shown.length, "go4j's and the peer's: " + String.join(" | ", row));
        assertEquals(Math.round(trips.get("go4j")), Long.parseLong(shown[0]), "go4j's round trip");
        assertEquals(Math.round(trips.get(peer)), Long.parseLong(shown[1]), peer + "'s round trip");
        assertTrue(bench.output().contains("core-to-core: how long a cache line took"), bench.output());
    }

    @Test
    @DisplayName("bench's table: the core-to-core round trip shown is the one of the round each score comes from")
    void coreToCoreOfTheBestRound(@TempDir Path dir) throws IOException {
        Path round1 = write(dir, "jmh-1.json", result("go4j", 120, 370), result("exchanger", 70, 50));
        Path round2 = write(dir, "jmh-2.json", result("go4j", 100, 48), result("exchanger", 80, 360));
        Path go = write(dir, "go-1.json", result("go", 50, 60.4));
        Shell.Run table = resultsTable(round1, round2, go);
        assertTrue(table.ok(), table.output());
        assertEquals(List.of(UNBUFFERED, "ns/value", "100", "70.0 exchanger", "1.43", "50.0", "2.00", "48, 50, 60"),
                List.of(row(table.output(), UNBUFFERED)), table.output());
        assertTrue(table.output().contains("| core-to-core ns: go4j, peer, Go |"), table.output());
    }

    @Test
    @DisplayName("bench: it weighs a parked goroutine for go4j and its peers, each in several JVMs, and names the machine")
    void memoryAndMachine() throws IOException {
        Map<String, Double> bytes = scores(RESULTS.resolve("memory.json"), "dev.go4j.bench.ParkedMemory.");
        assertTrue(bytes.keySet().containsAll(Set.of("go4j", "synchronousQueue", "linkedTransferQueue")), bytes.toString());
        // Far from the true weight only if the weighing is broken: a parked stack alone is a few hundred bytes.
        bytes.forEach((impl, b) -> assertTrue(b > 100 && b < 10_000, impl + " weighs " + b + " B per parked goroutine"));
        for (Object o : (List<?>) JsonReader.parse(Files.readString(RESULTS.resolve("memory.json")))) {
            Map<?, ?> metric = (Map<?, ?>) ((Map<?, ?>) o).get("primaryMetric");
            double[] perJvm = ((List<?>) metric.get("rawData")).stream()
                    .mapToDouble(fork -> ((Number) ((List<?>) fork).getFirst()).doubleValue()).sorted().toArray();
            assertEquals(3, perJvm.length, "weighed in 3 JVMs in quick mode: " + o);
            assertEquals(perJvm[1], ((Number) metric.get("score")).doubleValue(), 0.05, "the score is their median: " + o);
        }
        assertTrue(bench.output().contains("median of 3 JVMs"), bench.output());
        String[] row = row(bench.output(), "memory per parked goroutine");
        assertClose(bytes.get("go4j"), number(row[2]), "go4j's weight");
        assertTrue(bench.output().contains("machine: "), "names the machine:\n" + bench.output());
        assertEquals(Files.readString(RESULTS.resolve("table.md")).strip(),
                bench.output().substring(bench.output().indexOf("| scenario")).strip(), "table.md keeps the table");
    }

    @Test
    @DisplayName("bench's table: each score is the best of its rounds, and Go is not a peer")
    void bestOfRoundsAndGo(@TempDir Path dir) throws IOException {
        Path round1 = write(dir, "jmh-1.json", result("go4j", 120), result("exchanger", 70), result("synchronousQueue", 90));
        Path round2 = write(dir, "jmh-2.json", result("go4j", 100), result("exchanger", 80), result("synchronousQueue", 95));
        Path go = write(dir, "go-1.json", result("go", 50));
        Shell.Run table = resultsTable(round1, round2, go);
        assertTrue(table.ok(), table.output());
        String[] row = row(table.output(), UNBUFFERED);
        assertEquals(List.of(UNBUFFERED, "ns/value", "100", "70.0 exchanger", "1.43", "50.0", "2.00"), List.of(row),
                table.output());
        assertTrue(table.output().contains("Each score is the lowest of its rounds (up to 2"), table.output());
    }

    @Test
    @DisplayName("bench's table: a scenario without a go4j result fails the command")
    void missingGo4jFails(@TempDir Path dir) throws IOException {
        Shell.Run table = resultsTable(write(dir, "jmh-1.json", result("exchanger", 70)));
        assertEquals(1, table.status(), table.output());
        assertEquals("missing", row(table.output(), UNBUFFERED)[2]);
        assertTrue(table.output().contains("no go4j result"), table.output());
    }

    @Test
    @DisplayName("ab: compiles two versions of the runtime, times a scenario for both in each JVM with the core-to-core "
            + "round trips, and sums up the JVMs")
    void ab() {
        Shell.Run ab = Shell.run(Map.of(), 5, "./go4j", "ab", ".", ".", "--rounds", "2", "--jvms", "2", "pair");
        assertTrue(ab.ok(), "./go4j ab failed:\n" + ab.output());
        String perJvm = "\npair +B/A median \\d+\\.\\d{3} \\(quartiles .*, 2 rounds, core-to-core \\d+ to \\d+ ns";
        String summary = "\npair +B/A \\d+\\.\\d{3}, the median of 2 JVMs \\(from \\d+\\.\\d{3} to \\d+\\.\\d{3}\\)\n";
        assertTrue(ab.output().matches("(?s).*" + perJvm + perJvm + summary + ".*"), ab.output());

        Shell.Run unknown = Shell.run(Map.of(), 5, "./go4j", "ab", ".", ".", "--rounds", "1", "pong");
        assertFalse(unknown.ok(), unknown.output());
        assertTrue(unknown.output().contains("unknown scenario pong"), unknown.output());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** The cells of the Markdown table row whose first cell starts with {@code scenario}. */
    static String[] row(String output, String scenario) {
        for (String line : output.split("\n")) {
            if (!line.startsWith("| " + scenario)) continue;
            String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|");
            return Arrays.stream(cells).map(String::strip).toArray(String[]::new);
        }
        throw new AssertionError("no row for " + scenario + " in:\n" + output);
    }

    /** The scores in a JMH result file of the benchmarks whose names start with {@code prefix}, by method name. */
    static Map<String, Double> scores(Path file, String prefix) throws IOException {
        return metrics(file, prefix, entry -> entry.get("primaryMetric"));
    }

    /** A secondary result in a JMH result file, by method name, for the benchmarks whose names start with {@code prefix}. */
    static Map<String, Double> secondary(Path file, String prefix, String label) throws IOException {
        return metrics(file, prefix, entry -> ((Map<?, ?>) entry.get("secondaryMetrics")).get(label));
    }

    /** The score of the metric that {@code metric} picks from each result whose benchmark starts with {@code prefix}. */
    private static Map<String, Double> metrics(Path file, String prefix, Function<Map<?, ?>, Object> metric) throws IOException {
        Map<String, Double> scores = new HashMap<>();
        for (Object o : (List<?>) JsonReader.parse(Files.readString(file))) {
            Map<?, ?> entry = (Map<?, ?>) o;
            String name = (String) entry.get("benchmark");
            if (!name.startsWith(prefix)) continue;
            Object score = ((Map<?, ?>) metric.apply(entry)).get("score");
            scores.put(name.substring(prefix.length()), ((Number) score).doubleValue());
        }
        return scores;
    }

    /** One JMH result of the unbuffered pair, as {@code -rf json} writes it (the fields the table reads). */
    static String result(String implementation, double score) {
        return result(implementation, score, "");
    }

    /** The same, with the core-to-core round trip that JMH's profiler {@code CoreToCore} adds. */
    static String result(String implementation, double score, double coreToCore) {
        return result(implementation, score, """
                ,
                 "secondaryMetrics": {"core-to-core": {"score": %s, "scoreUnit": "ns"}}""".formatted(coreToCore));
    }

    private static String result(String implementation, double score, String moreFields) {
        return """
                {"benchmark": "dev.go4j.bench.UnbufferedPair.%s", "mode": "avgt",
                 "primaryMetric": {"score": %s, "scoreUnit": "ns/op"}%s}""".formatted(implementation, score, moreFields);
    }

    static Path write(Path dir, String name, String... results) throws IOException {
        return Files.writeString(dir.resolve(name), "[" + String.join(",\n", results) + "]");
    }

    /** Runs the table on {@code files} with the benchmarks jar that {@link #runBench} built. */
    static Shell.Run resultsTable(Path... files) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Shell.ROOT.resolve("target/bench/benchmarks.jar").toString(), "dev.go4j.bench.ResultsTable"));
        for (Path f : files) command.add(f.toString());
        return Shell.run(Map.of(), 2, command.toArray(String[]::new));
    }

    static double number(String cell) {
        return Double.parseDouble(cell);
    }

    /** The table rounds to three significant digits: {@code shown} must be {@code actual} to within that. */
    static void assertClose(double actual, double shown, String what) {
        assertEquals(actual, shown, Math.max(0.006, Math.abs(actual) * 0.006), what);
    }
}
