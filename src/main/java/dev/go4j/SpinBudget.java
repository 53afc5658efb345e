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
    /**
     * The smallest buffer whose waiters do not spin at all. A goroutine that parks while its partner runs leaves the
     * partner to fill or drain the buffer alone, and one wake-up then pays for many values; spinning keeps both at
     * the channel's lock, one value at a time. Measured with a sender and a receiver on two carriers: spinning pays
     * clearly at capacity 1 and 4, is even at 8, and costs from 16 on.
     */
    static final int BATCH = 16;

    private SpinBudget() {}

    /** The budget after a wait that ended with the waiter parked, or answered while it spun. */
    static int next(int spins, boolean parked) {
        return parked ? Math.max(MIN, spins >> 1) : Math.min(Parker.MAX_SPINS, spins << 1);
    }
}
