package dev.go4j;

/**
 * The sending side of a channel: Go's send-only channel type {@code chan<- T}.
 *
 * <p>A {@link Chan} is a {@code SendChan}, so a function that only sends declares its parameter as
 * {@code SendChan<T>} and the compiler stops it from receiving, as Go's does.
 *
 * @param <T> the element type
 */
public sealed interface SendChan<T> permits Chan {
    /**
     * Sends {@code value}, blocking until a receiver takes it (unbuffered) or there is room in the buffer. Go's
     * {@code c <- v}. On a nil channel it blocks forever.
     *
     * @throws Panic                          "send on closed channel" if the channel is closed, also when it is
     *                                        closed while this send is blocked
     * @throws NullPointerException           if {@code value} is null: a go4j channel carries non-null values
     * @throws UncheckedInterruptedException  if interrupted while blocked; the value was then not sent
     */
    void send(T value);

    /**
     * Sends {@code value} only if that needs no waiting: Go's {@code select { case c <- v: default: }}.
     *
     * @return true if the value was sent, false if the send would have blocked
     * @throws Panic "send on closed channel" if the channel is closed
     */
    boolean trySend(T value);

    /**
     * Closes the channel: no more values may be sent; receivers drain what is buffered, then get the zero value
     * ({@code null}) with {@code ok == false}. Every blocked receiver is woken, and every blocked sender panics.
     * Go's {@code close(c)}.
     *
     * @throws Panic "close of closed channel", or "close of nil channel"
     */
    void close();

    /** The number of values in the buffer: Go's {@code len(c)}. */
    int len();

    /** The buffer's size, 0 for an unbuffered channel: Go's {@code cap(c)}. */
    int cap();
}
