package dev.go4j;

/**
 * The receiving side of a channel: Go's receive-only channel type {@code <-chan T}.
 *
 * <p>A {@link Chan} is a {@code RecvChan}, so a function that only receives declares its parameter (or its
 * result, for a generator) as {@code RecvChan<T>} and the compiler stops it from sending or closing.
 *
 * <p>Iterating over it is Go's {@code for v := range c}: the loop receives until the channel is closed and
 * its buffer drained.
 *
 * @param <T> the element type
 */
public sealed interface RecvChan<T> extends Iterable<T> permits Chan {
    /**
     * Receives a value, blocking until one is sent. Go's {@code v := <-c}. On a closed channel it returns the
     * buffered values, then {@code null} at once. On a nil channel it blocks forever.
     *
     * @throws UncheckedInterruptedException if interrupted while blocked; no value was then taken
     */
    T recv();

    /**
     * Receives a value and says whether it came from a send ({@code ok}) or from a closed, drained channel. Go's
     * {@code v, ok := <-c}.
     *
     * @throws UncheckedInterruptedException if interrupted while blocked; no value was then taken
     */
    Received<T> recvOk();

    /**
     * Receives only if that needs no waiting: Go's {@code select { case v, ok := <-c: default: }}.
     *
     * @return the value received (with {@code ok == false} if the channel is closed and drained), or
     *         {@code null} if the receive would have blocked
     */
    Received<T> tryRecv();

    /** The number of values in the buffer: Go's {@code len(c)}. */
    int len();

    /** The buffer's size, 0 for an unbuffered channel: Go's {@code cap(c)}. */
    int cap();
}
