package dev.go4j;

/**
 * A reader/writer mutual exclusion lock: any number of readers or one writer. Go's {@code sync.RWMutex}.
 *
 * <p>As in Go, a goroutine waiting in {@link #lock()} keeps new readers out, so a steady stream of readers
 * cannot starve a writer; the readers that arrived meanwhile go next, before another writer. It is not
 * reentrant: a reader that asks for the read lock again while a writer waits blocks forever.
 *
 * <p>Memory effects: an {@code unlock()} happens-before every later {@code rLock()} and {@code lock()}
 * returns; an {@code rUnlock()} happens-before the next {@code lock()} returns.
 */
public final class RWMutex {
    private int readers;          // readers holding the lock; guarded by this
    private boolean writer;       // whether a writer holds the lock; guarded by this
    private final WaitList waitingReaders = new WaitList(); // guarded by this
    private final WaitList waitingWriters = new WaitList(); // guarded by this

    /** Locks for reading: Go's {@code rw.RLock()}. */
    public void rLock() {
        Parker p;
        synchronized (this) {
            Goroutine.current(); // a lock holder must be known to go4j, or its waiters look deadlocked
            if (!writer && waitingWriters.isEmpty()) {
                readers++;
                return;
            }
            p = waitingReaders.add();
        }
        waitingReaders.await(this, p, "sync.RWMutex.RLock");
    }

    /** Locks for reading if that needs no waiting: Go's {@code rw.TryRLock()}. */
    public synchronized boolean tryRLock() {
        Goroutine.current();
        if (writer || !waitingWriters.isEmpty()) return false;
        readers++;
        return true;
    }

    /**
     * Undoes one {@link #rLock()}: Go's {@code rw.RUnlock()}.
     *
     * @throws Panic "sync: RUnlock of unlocked RWMutex"
     */
    public synchronized void rUnlock() {
        if (readers == 0) throw new Panic("sync: RUnlock of unlocked RWMutex");
        if (--readers == 0) admitWriter();
    }

    /** Locks for writing, waiting for every reader and writer to leave: Go's {@code rw.Lock()}. */
    public void lock() {
        Parker p;
        synchronized (this) {
            Goroutine.current();
            if (!writer && readers == 0) {
                writer = true;
                return;
            }
            p = waitingWriters.add();
        }
        waitingWriters.await(this, p, "sync.RWMutex.Lock", () -> {
            if (!writer && waitingWriters.isEmpty()) admitReaders(); // they were only waiting for us
        });
    }

    /** Locks for writing if that needs no waiting: Go's {@code rw.TryLock()}. */
    public synchronized boolean tryLock() {
        Goroutine.current();
        if (writer || readers > 0) return false;
        writer = true;
        return true;
    }

    /**
     * Unlocks for writing: waiting readers go first, else the next writer. Go's {@code rw.Unlock()}.
     *
     * @throws Panic "sync: Unlock of unlocked RWMutex"
     */
    public synchronized void unlock() {
        if (!writer) throw new Panic("sync: Unlock of unlocked RWMutex");
        writer = false;
        admitReaders();
        if (readers == 0) admitWriter();
    }

    private void admitReaders() {
        readers += waitingReaders.wakeAll();
    }

    private void admitWriter() {
        if (waitingWriters.wakeFirst()) writer = true;
        else admitReaders(); // no writer after all: readers held back for one may go
    }

    @Override
    public synchronized String toString() {
        return "RWMutex(readers=" + readers + ", writer=" + writer + ", waiting readers=" + waitingReaders.size()
                + ", waiting writers=" + waitingWriters.size() + ")";
    }
}
