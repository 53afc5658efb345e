package dev.go4j.check;

import java.time.Duration;

/**
 * How one test case of a check went.
 *
 * @param name     the test's display name
 * @param hidden   whether it is a hidden test (its name and message are not shown to the learner)
 * @param status   what happened
 * @param message  why it failed, in the learner's terms (expected vs. actual), or empty if it passed
 * @param hint     the test's {@link Hint}, or empty
 * @param duration how long it ran
 */
public record TestOutcome(String name, boolean hidden, Status status, String message, String hint, Duration duration) {
    /** What happened to a test case. */
    public enum Status {
        PASSED,
        /** An assertion failed: the answer gives a wrong result. */
        FAILED,
        /** The answer threw an exception (for example the stub's "not implemented yet"). */
        ERROR,
        /** The test ran past its time limit. */
        TIMED_OUT,
        /** The test was blocked on a channel or lock that nothing would release. */
        DEADLOCK
    }

    public boolean passed() {
        return status == Status.PASSED;
    }
}
