package dev.go4j.bench;

import com.softwaremill.jox.Channel;
import dev.go4j.Chan;
import dev.go4j.Go;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Exchanger;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;

/**
 * One way to pass a value from one thread to another: a go4j channel or one of its JVM peers, behind one
 * interface so that every scenario runs the same code for each of them.
 *
 * <p>Each benchmark runs in its own JVM fork with a single implementation, so the calls through this interface
 * are monomorphic there and the JIT inlines them: the interface costs nothing in the measurement.
 *
 * @param <T> the element type; values must not be null (go4j and the queues reject null)
 */
interface Handoff<T> {
    /** Passes {@code value} on, waiting as the implementation waits (for a receiver, or for room). */
    void send(T value) throws InterruptedException;

    /** Takes the next value, waiting until there is one. */
    T recv() throws InterruptedException;

    /** A go4j channel: unbuffered for capacity 0, as {@code make(chan T)}. */
    static <T> Handoff<T> go4j(int capacity) {
        Chan<T> c = capacity == 0 ? Go.chan() : Go.chan(capacity);
        return new Handoff<>() {
            public void send(T value) { c.send(value); }
            public T recv() { return c.recv(); }
        };
    }

    /** A jox channel: rendezvous for capacity 0, buffered otherwise. */
    static <T> Handoff<T> jox(int capacity) {
        Channel<T> c = capacity == 0 ? Channel.newRendezvousChannel() : Channel.newBufferedChannel(capacity);
        return new Handoff<>() {
            public void send(T value) throws InterruptedException { c.send(value); }
            public T recv() throws InterruptedException { return c.receive(); }
        };
    }

    /** {@link SynchronousQueue} (non-fair, its default): put waits for a taker, as an unbuffered send does. */
    static <T> Handoff<T> synchronousQueue() {
        SynchronousQueue<T> q = new SynchronousQueue<>();
        return new Handoff<>() {
            public void send(T value) throws InterruptedException { q.put(value); }
            public T recv() throws InterruptedException { return q.take(); }
        };
    }

    /** {@link LinkedTransferQueue} with {@code transfer}, which waits for a taker: an unbuffered send. */
    static <T> Handoff<T> linkedTransferQueue() {
        LinkedTransferQueue<T> q = new LinkedTransferQueue<>();
        return new Handoff<>() {
            public void send(T value) throws InterruptedException { q.transfer(value); }
            public T recv() throws InterruptedException { return q.take(); }
        };
    }

    /** {@link ArrayBlockingQueue} of the given capacity: a buffered channel. */
    static <T> Handoff<T> arrayBlockingQueue(int capacity) {
        ArrayBlockingQueue<T> q = new ArrayBlockingQueue<>(capacity);
        return new Handoff<>() {
            public void send(T value) throws InterruptedException { q.put(value); }
            public T recv() throws InterruptedException { return q.take(); }
        };
    }

    /**
     * An {@link Exchanger} used one way: the sender offers its value, the receiver offers null. Only correct
     * with exactly one sending and one receiving thread, since two receivers could meet each other.
     */
    static <T> Handoff<T> exchanger() {
        Exchanger<T> x = new Exchanger<>();
        return new Handoff<>() {
            public void send(T value) throws InterruptedException { x.exchange(value); }
            public T recv() throws InterruptedException { return x.exchange(null); }
        };
    }
}
