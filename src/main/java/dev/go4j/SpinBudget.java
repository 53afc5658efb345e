package dev.go4j;

/**
 * How long goroutines waiting on one channel spin before they park, learned from how that channel's waits
 * ended. Parking and waking a virtual thread costs microseconds, while a partner running on another processor
 * often answers sooner: a channel whose waiters are answered while they spin doubles its budget, and one whose
 * waiters end up parked anyway halves it, so spinning is spent where it pays.
 *
 * <p>A budget is a plain {@code int} field of its channel (an object of its own would add to the weight of every
 * channel); this class holds the rule. Reads and writes of the field are deliberately unsynchronized: a lost
 * update only makes one wait spin a little more or less.
 */
final class SpinBudget {
    /** The start, and never less, so that a channel can notice when spinning starts to pay. */
    static final int MIN = Math.min(16, Parker.MAX_SPINS);

    private SpinBudget() {}

    /** The budget after a wait that ended with the waiter parked, or answered while it spun. */
    static int next(int spins, boolean parked) {
        return parked ? Math.max(MIN, spins >> 1) : Math.min(Parker.MAX_SPINS, spins << 1);
    }
}
