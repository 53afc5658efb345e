package dev.go4j.kernel;

/**
 * One execution of a notebook cell as the kernel sees it: the request it answers and the output that belongs to
 * it. All mutable state but {@link #spawned} is guarded by the lock of the {@link CellOutput} that made it.
 */
final class Cell {
    /** The kernel's handle on the execute request; the {@link CellPublisher} uses it as the parent. */
    final Object request;
    /** 1 for the first cell run in this kernel, 2 for the next, ... */
    final long number;
    /** Whether the cell's code started a thread (a goroutine, usually) that may outlive it. */
    volatile boolean spawned;

    /** Printed while the cell runs and not yet sent. */
    final Segments pending = new Segments();
    boolean flushScheduled;
    boolean running = true;

    /** Where output goes once the cell has ended; null if it started no thread. */
    LateOutput late;
    boolean lateUpdateScheduled;

    Cell(Object request, long number) {
        this.request = request;
        this.number = number;
    }

    @Override
    public String toString() {
        return "cell " + number;
    }
}
