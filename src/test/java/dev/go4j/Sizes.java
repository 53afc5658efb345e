package dev.go4j;

/**
 * The sizes of the stress, scale and model-checking tests: small in {@code ./go4j test}, large in
 * {@code ./go4j stress}, which sets the system property {@code go4j.stress=long}.
 */
final class Sizes {
    static final boolean LONG = "long".equals(System.getProperty("go4j.stress"));

    private Sizes() {}

    /** {@code fast} normally, {@code longRun} in the long run. */
    static int pick(int fast, int longRun) {
        return LONG ? longRun : fast;
    }
}
