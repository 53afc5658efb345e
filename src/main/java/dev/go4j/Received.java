package dev.go4j;

/**
 * The result of a receive that also reports whether the channel was open: Go's {@code v, ok := <-c}.
 *
 * @param value the value received, or {@code null} (Java's zero value) when the channel is closed and drained
 * @param ok    {@code true} if the value was sent by a send; {@code false} if the channel is closed and drained
 * @param <T>   the element type
 */
public record Received<T>(T value, boolean ok) {
    private static final Received<?> CLOSED = new Received<>(null, false);

    @SuppressWarnings("unchecked")
    static <T> Received<T> closed() {
        return (Received<T>) CLOSED;
    }
}
