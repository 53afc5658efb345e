package dev.go4j.course;

import org.junit.jupiter.api.Assumptions;

/** Skips a test because something it needs is missing, with a line on stderr that cannot be missed. */
final class LoudSkip {
    private LoudSkip() {}

    /** Aborts the calling test: {@code what} was not tested, because of {@code why}. */
    static void skip(String what, String why) {
        System.err.println();
        System.err.println("!!! SKIPPED: " + what + " was NOT tested: " + why);
        System.err.println();
        Assumptions.abort(why);
    }
}
