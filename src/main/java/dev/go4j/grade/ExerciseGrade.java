package dev.go4j.grade;

import dev.go4j.notebook.CheckRecords.TestRecord;
import java.util.List;

/**
 * The grade of one exercise in one submission.
 *
 * @param exercise the exercise's id
 * @param score    the points earned: full points times the share of its checks that passed
 * @param max      the exercise's points
 * @param reason   why points were lost, in the learner's terms (empty for full marks)
 * @param tests    each check's outcome, hidden ones included (the feedback shows only their count)
 */
public record ExerciseGrade(String exercise, double score, double max, String reason, List<TestRecord> tests) {
    public ExerciseGrade {
        tests = List.copyOf(tests);
    }

    /** A grade of zero for a part that could not be checked. */
    static ExerciseGrade zero(String exercise, double max, String reason) {
        return new ExerciseGrade(exercise, 0, max, reason, List.of());
    }

    /** The grade from the checks' outcomes. */
    static ExerciseGrade of(String exercise, double max, List<TestRecord> tests) {
        if (tests.isEmpty()) return zero(exercise, max, "the check found no tests to run");
        long passed = tests.stream().filter(t -> t.status().equals("PASSED")).count();
        double score = Math.round(max * passed / tests.size() * 100) / 100.0;
        String reason = passed == tests.size() ? "" : (tests.size() - passed) + " of " + tests.size() + " checks failed";
        return new ExerciseGrade(exercise, score, max, reason, tests);
    }
}
