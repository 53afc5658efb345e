package dev.go4j.bench;

/** The body shared by the pair scenarios: one sender and one receiver moving values through a {@link Handoff}. */
final class Pairs {
    private Pairs() {}

    /** Starts a sender of {@code count} values and a receiver that takes and checks them, as two of the workers. */
    static void start(Workers workers, Handoff<Integer> handoff, int count) {
        workers.start(() -> {
            for (int i = 0; i < count; i++) handoff.send(Values.VALUE);
        });
        workers.start(() -> {
            long sum = 0;
            for (int i = 0; i < count; i++) sum += handoff.recv();
            Values.expectSum(sum, count);
        });
    }

    /** Moves {@code count} values from a new sender to a new receiver and waits for both. */
    static void transfer(Workers workers, Handoff<Integer> handoff, int count) throws Exception {
        start(workers, handoff, count);
        workers.await();
    }
}
