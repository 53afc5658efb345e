package dev.go4j.bench;

import dev.go4j.notebook.JsonException;
import dev.go4j.notebook.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads JMH result files ({@code -rf json}, and {@link ParkedMemory}'s files of the same shape) and prints one
 * Markdown table: for each scenario, go4j's score, the best peer's score and name, and their ratio. Every score
 * is a cost (time or bytes per operation), so the best peer is the lowest and a ratio below 1 means go4j is
 * ahead. Results of Go itself (implementation {@code go}, written by {@code src/jmh/go/main.go}) are not a peer:
 * when there are any, Go's score and go4j's ratio to it get two columns of their own.
 *
 * <p>The files may hold several rounds of the same benchmarks (one file per round): each implementation's score
 * is then its lowest over the rounds. On a shared machine, interference (other processes, where the host places
 * the cores) only ever slows a run, and it comes and goes over minutes; since every round runs every
 * implementation in turn, the best of each gives each implementation the same chances. Where the results carry
 * the round trip of a cache line between the two cores ({@link CoreToCore}), a last column shows the one measured
 * with each score, since the host's placement of the cores can make the same code several times slower.
 *
 * <pre>
 * java -cp benchmarks.jar dev.go4j.bench.ResultsTable jmh-1.json jmh-2.json jmh-3.json memory.json
 * </pre>
 *
 * <p>Exits with status 1 if a scenario has no go4j result, so a broken benchmark cannot pass unnoticed.
 */
public final class ResultsTable {
    static final String GO4J = "go4j";
    static final String GO = "go";
    /** The order of the table, from the simplest hand-off to whole programs; anything else comes last. */
    private static final List<Class<?>> ORDER = List.of(FastPath.class, UnbufferedPair.class, BufferedPair.class, PingPong.class,
            SelectTwo.class, DaisyChain.class, ManyPairs.class, Spawn.class, ParkedMemory.class);

    private ResultsTable() {}

    /**
     * One scenario (a benchmark class with one set of parameters), its scores by implementation (each the lowest
     * of its rounds), the number of rounds each score was taken from, and the {@link CoreToCore} round trip measured
     * in the round each score comes from, where there is one.
     */
    record Row(int rank, String scenario, String unit, Map<String, Double> scores, Map<String, Integer> rounds,
               Map<String, Double> coreToCore) {
        Double go4j() {
            return scores.get(GO4J);
        }

        Double go() {
            return scores.get(GO);
        }

        /** The lowest-cost peer, or null if there is none. */
        Map.Entry<String, Double> bestPeer() {
            Map.Entry<String, Double> best = null;
            for (var e : scores.entrySet()) {
                if (e.getKey().equals(GO4J) || e.getKey().equals(GO) || e.getValue().isNaN()) continue;
                if (best == null || e.getValue() < best.getValue()) best = e;
            }
            return best;
        }
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: java -cp benchmarks.jar " + ResultsTable.class.getName() + " RESULTS.json...");
            System.exit(2);
        }
        List<Object> results = new ArrayList<>();
        for (String file : args) {
            try {
                Object parsed = JsonReader.parse(Files.readString(Path.of(file), StandardCharsets.UTF_8));
                if (!(parsed instanceof List<?> list)) throw new IllegalArgumentException("expected a JSON array of results");
                results.addAll(list);
            } catch (IOException e) {
                fail("cannot read " + file + ": " + e);
            } catch (JsonException | IllegalArgumentException e) {
                fail(file + " is not a JMH result file: " + e.getMessage());
            }
        }
        List<Row> rows;
        try {
            rows = rows(results);
        } catch (ClassCastException | NullPointerException e) {
            fail("a result lacks JMH's fields (benchmark, primaryMetric.score, primaryMetric.scoreUnit): " + e);
            return;
        }
        System.out.print(format(rows));
        if (rows.stream().anyMatch(r -> r.go4j() == null)) {
            System.err.println("some scenarios have no go4j result: see the benchmark output above");
            System.exit(1);
        }
    }

    private static void fail(String problem) {
        System.err.println(problem);
        System.exit(2);
    }

    /** Groups JMH result entries into rows, in {@link #ORDER}, and else in the order they first appear. */
    static List<Row> rows(List<Object> results) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Object o : results) {
            Map<?, ?> entry = (Map<?, ?>) o;
            String benchmark = (String) entry.get("benchmark");
            int dot = benchmark.lastIndexOf('.');
            String className = benchmark.substring(0, dot);
            String implementation = benchmark.substring(dot + 1);
            Map<?, ?> metric = (Map<?, ?>) entry.get("primaryMetric");
            double score = number(metric.get("score"));
            String unit = (String) metric.get("scoreUnit");

            Class<?> type = classNamed(className);
            Scenario scenario = type == null ? null : type.getAnnotation(Scenario.class);
            int rank = type == null || !ORDER.contains(type) ? ORDER.size() : ORDER.indexOf(type);
            String label = (scenario == null ? className.substring(className.lastIndexOf('.') + 1) : scenario.value())
                    + params(entry.get("params"));
            String shownUnit = scenario != null && unit.endsWith("/op")
                    ? unit.substring(0, unit.length() - 2) + scenario.op() : unit;
            Row row = rows.computeIfAbsent(label, l -> new Row(rank, l, shownUnit, new LinkedHashMap<>(),
                    new LinkedHashMap<>(), new LinkedHashMap<>()));
            Double best = row.scores().get(implementation);
            if (best == null || score < best) {
                row.scores().put(implementation, score);
                Double trip = coreToCore(entry.get("secondaryMetrics"));
                if (trip != null) row.coreToCore().put(implementation, trip);
                else row.coreToCore().remove(implementation);
            }
            row.rounds().merge(implementation, 1, Integer::sum);
        }
        List<Row> ordered = new ArrayList<>(rows.values());
        ordered.sort(Comparator.comparingInt(Row::rank)); // stable: parameters stay in JMH's order
        return ordered;
    }

    /** The table, in Markdown, followed by a line that says how to read the ratio. */
    static String format(List<Row> rows) {
        boolean withGo = rows.stream().anyMatch(r -> r.go() != null);
        boolean withTrips = rows.stream().anyMatch(r -> !r.coreToCore().isEmpty());
        List<String[]> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("scenario", "unit", "go4j", "best peer", "ratio"));
        if (withGo) header.addAll(List.of("Go", "go4j / Go"));
        if (withTrips) header.add(withGo ? "core-to-core ns: go4j, peer, Go" : "core-to-core ns: go4j, peer");
        cells.add(header.toArray(String[]::new));
        for (Row row : rows) {
            Double go4j = row.go4j();
            var peer = row.bestPeer();
            List<String> line = new ArrayList<>(List.of(
                    row.scenario(),
                    row.unit(),
                    go4j == null ? "missing" : score(go4j),
                    peer == null ? "none" : score(peer.getValue()) + " " + peer.getKey(),
                    ratio(go4j, peer == null ? null : peer.getValue())));
            if (withGo) {
                line.add(row.go() == null ? "-" : score(row.go()));
                line.add(ratio(go4j, row.go()));
            }
            if (withTrips) {
                List<String> trips = new ArrayList<>(List.of(trip(row, GO4J), peer == null ? "-" : trip(row, peer.getKey())));
                if (withGo) trips.add(trip(row, GO));
                line.add(String.join(", ", trips));
            }
            cells.add(line.toArray(String[]::new));
        }
        int[] widths = new int[cells.get(0).length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) widths[i] = Math.max(widths[i], line[i].length());
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < cells.size(); n++) {
            appendLine(out, cells.get(n), widths, false);
            if (n == 0) appendLine(out, cells.get(n), widths, true);
        }
        out.append("\nratio = go4j / best peer (lower is better for every score): below 1.00 means go4j is ahead.\n");
        if (withGo) out.append("go4j / Go: the same scenario written in Go, run on this machine; below 1.00 means go4j is ahead.\n");
        if (withTrips) {
            out.append("core-to-core: how long a cache line took to go from one core to the other and back, measured in")
                    .append(" the round each score comes from;\nscores taken at very different round trips do not compare")
                    .append(" (see src/jmh/README.md).\n");
        }
        int most = rows.stream().flatMap(r -> r.rounds().values().stream()).max(Integer::compare).orElse(1);
        if (most > 1) {
            out.append("Each score is the lowest of its rounds (up to ").append(most)
                    .append("; every round runs every implementation once, in turn).\n");
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String[] line, int[] widths, boolean rule) {
        out.append('|');
        for (int i = 0; i < line.length; i++) {
            boolean numeric = i >= 2;
            String cell = rule ? "-".repeat(widths[i] - 1) + (numeric ? ":" : "-") : line[i];
            String pad = " ".repeat(widths[i] - cell.length());
            out.append(' ').append(numeric ? pad + cell : cell + pad).append(" |");
        }
        out.append('\n');
    }

    /** The core-to-core round trip, in whole ns, of the round {@code implementation}'s score comes from, or "-". */
    private static String trip(Row row, String implementation) {
        Double ns = row.coreToCore().get(implementation);
        return ns == null ? "-" : String.format(Locale.ROOT, "%.0f", ns);
    }

    /** JMH's secondary result {@link CoreToCore#LABEL}, or null if the result has none. */
    private static Double coreToCore(Object secondaryMetrics) {
        if (!(secondaryMetrics instanceof Map<?, ?> metrics)) return null;
        if (!(metrics.get(CoreToCore.LABEL) instanceof Map<?, ?> metric)) return null;
        double ns = number(metric.get("score"));
        return Double.isFinite(ns) ? ns : null;
    }

    /** {@code go4j / other} with two decimals, or "-" if either is missing. */
    private static String ratio(Double go4j, Double other) {
        return go4j == null || other == null ? "-" : String.format(Locale.ROOT, "%.2f", go4j / other);
    }

    /** Three significant digits or whole units, whichever is longer: 0.123, 12.3, 1234. */
    static String score(double value) {
        if (Double.isNaN(value)) return "NaN";
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private static Class<?> classNamed(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            return null; // a result file from another version of the benchmarks: fall back to the class name
        }
    }

    private static String params(Object params) {
        if (!(params instanceof Map<?, ?> map) || map.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(map).forEach((k, v) -> sb.append(sb.isEmpty() ? " (" : ", ").append(k).append(' ').append(v));
        return sb.append(')').toString();
    }

    /** A JSON number, or NaN or an infinity, which JMH writes as strings. */
    private static double number(Object value) {
        if (value instanceof Number n) return n.doubleValue();
        if (value instanceof String s) return Double.parseDouble(s);
        throw new IllegalArgumentException("not a score: " + value);
    }
}
