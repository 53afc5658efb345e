package dev.go4j;

/**
 * How long goroutines waiting on one channel spin before they park, learned from how that channel's waits
 * ended. Parking and waking a virtual thread costs microseconds, while a partner running on another processor
 * often answers sooner: a channel whose waiters are answered while they spin doubles its budget, and one whose
 * waiters end up parked anyway halves it, so spinning is spent where it pays.
 *
 * <p>Reads and writes are deliberately unsynchronized: a lost update only makes one wait spin a little more or
 * less.
 */
final class SpinBudget {
    /** The start, and never less, so that a channel can notice when spinning starts to pay. */
    private static final int MIN = Math.min(16, Parker.MAX_SPINS);

    private int spins = MIN;

    /** The spin limit for the next wait. */
    int spins() {
        return spins;
    }

    /** Learns from a wait that ended: whether the waiter had to park. */
    void record(boolean parked) {
        int s = spins;
        int next = parked ? Math.max(MIN, s >> 1) : Math.min(Parker.MAX_SPINS, s << 1);
        if (next != s) spins = next;
    }
}
