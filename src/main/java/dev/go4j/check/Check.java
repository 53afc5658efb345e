package dev.go4j.check;

import dev.go4j.notebook.CheckRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a check cell calls: runs an exercise's JUnit 5 tests against the learner's code from the cells above and
 * prints a report (each case passed or failed, expected vs. actual, its hint).
 *
 * <pre>{@code
 * import static dev.go4j.check.Check.*;
 * import org.junit.jupiter.api.*;
 * import static org.junit.jupiter.api.Assertions.*;
 *
 * class FanInTests {
 *     @Test @Hint("Start one goroutine per input.")
 *     void aSlowInputDoesNotDelayTheOther() { FanInCheck.assertInterleaves(this::fanInOfStrings); }
 * }
 * check("fan-in", FanInTests.class);
 * }</pre>
 *
 * <p>Each test method runs on its own thread with a time limit ({@link #DEFAULT_TIME_LIMIT} unless given): a test
 * still blocked in a go4j channel operation at the limit is reported as a deadlock, any other as timed out, and
 * the remaining tests still run. Hidden tests, registered by a cell the learner does not see
 * ({@link #hiddenTests}), run with the visible ones; the report only counts them.
 *
 * <p>The outcome is also left in {@link CheckRecords} for the grader.
 */
public final class Check {
    /** The time each test may take unless the check says otherwise. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(5);

    private static final Map<String, List<Class<?>>> HIDDEN = new ConcurrentHashMap<>();

    private Check() {}

    /** Runs the exercise's tests ({@code tests} and its hidden tests) and prints the report. */
    public static void check(String exercise, Class<?>... tests) {
        check(exercise, DEFAULT_TIME_LIMIT, tests);
    }

    /** Runs the exercise's tests, each limited to {@code perTest}, and prints the report. */
    public static void check(String exercise, Duration perTest, Class<?>... tests) {
        System.out.print(run(exercise, perTest, tests).text());
        System.out.flush();
    }

    /**
     * Runs the exercise's tests and returns the report without printing it.
     *
     * @throws IllegalArgumentException if {@code exercise} is blank or {@code perTest} is not positive
     */
    public static CheckReport run(String exercise, Duration perTest, Class<?>... tests) {
        if (exercise == null || exercise.isBlank()) throw new IllegalArgumentException("name the exercise to check");
        if (perTest.isNegative() || perTest.isZero()) throw new IllegalArgumentException("the time limit must be positive");
        CheckRunner runner = new CheckRunner(perTest);
        List<TestOutcome> outcomes = new ArrayList<>(runner.run(Arrays.stream(tests).filter(Objects::nonNull).toList(), false));
        outcomes.addAll(runner.run(HIDDEN.getOrDefault(exercise, List.of()), true));
        CheckReport report = new CheckReport(exercise, outcomes);
        CheckRecords.publish(new CheckRecords.ExerciseRecord(exercise, outcomes.stream()
                .map(o -> new CheckRecords.TestRecord(o.name(), o.hidden(), o.status().name(), o.message(), o.hint()))
                .toList()));
        return report;
    }

    /**
     * Registers tests the learner does not see; the exercise's next {@link #check} runs them too. Registering again
     * replaces them (a re-run cell does not add duplicates).
     */
    public static void hiddenTests(String exercise, Class<?>... tests) {
        HIDDEN.put(exercise, List.of(tests));
    }
}
