package dev.go4j;

/** Records what goroutines do, while a trace is on. */
final class Trace {
    private Trace() {}

    static void goroutineStarted(Goroutine g) {}

    static void goroutineEnded(Goroutine g) {}

    static void blocked(Goroutine g, String status, Object subject) {}

    static void unblocked(Goroutine g) {}
}
