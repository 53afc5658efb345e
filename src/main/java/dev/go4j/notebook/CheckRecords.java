package dev.go4j.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the check cells of a notebook ({@code dev.go4j.check.Check}) leave their results for whoever runs the
 * notebook: the grader reads them after each check cell. In a Jupyter kernel nobody reads them.
 *
 * <p>This class is shared between the runner and the notebook's own class loader (see {@code SessionClassLoader}),
 * so it uses only JDK types and records of this package.
 */
public final class CheckRecords {
    /** The outcome of one test case. {@code status} is a {@code dev.go4j.check.TestOutcome.Status} name. */
    public record TestRecord(String name, boolean hidden, String status, String message, String hint) {}

    /** One run of an exercise's checks. */
    public record ExerciseRecord(String exercise, List<TestRecord> tests) {
        public ExerciseRecord {
            tests = List.copyOf(tests);
        }

        public long passed() {
            return tests.stream().filter(t -> t.status().equals("PASSED")).count();
        }
    }

    private static final List<ExerciseRecord> RECORDS = new ArrayList<>();
    private static final int KEPT = 1000; // in a long kernel session, forget the oldest

    private CheckRecords() {}

    /** Called by a check cell when its checks have run. */
    public static synchronized void publish(ExerciseRecord record) {
        if (RECORDS.size() >= KEPT) RECORDS.remove(0);
        RECORDS.add(record);
    }

    /** The records published since the last call, oldest first. */
    public static synchronized List<ExerciseRecord> drain() {
        List<ExerciseRecord> out = List.copyOf(RECORDS);
        RECORDS.clear();
        return out;
    }
}
