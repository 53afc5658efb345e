package dev.go4j.bench;

/** The values the scenarios pass around, and the check that all of them arrived. */
final class Values {
    /** A cached Integer: passing it allocates nothing, as passing an int through a Go channel does not. */
    static final Integer VALUE = 42;

    private Values() {}

    /** Fails the benchmark if a receiver did not see exactly {@code count} copies of {@link #VALUE}. */
    static void expectSum(long sum, long count) {
        if (sum != count * VALUE) {
            throw new IllegalStateException("received values sum to " + sum + ", expected " + count * VALUE);
        }
    }
}
