package dev.go4j;

/**
 * A Go panic: a run-time error that Go's runtime (or {@link Go#panic(Object)}) raises, carrying the value Go
 * would print after {@code panic:}.
 *
 * <p>go4j raises it with Go's own words where Go panics: {@code "send on closed channel"},
 * {@code "close of closed channel"}, {@code "close of nil channel"}, {@code "sync: negative WaitGroup counter"},
 * {@code "sync: unlock of unlocked mutex"} and so on. Like any unchecked exception it can be caught, which is
 * Java's {@code recover}.
 *
 * <p>Go equivalent: {@code panic(v)} and the runtime's panics.
 */
public class Panic extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Object value;

    /** A panic with the given value, as {@code panic(value)} in Go. */
    public Panic(Object value) {
        super(String.valueOf(value), value instanceof Throwable t ? t : null);
        this.value = value;
    }

    /** The value passed to {@code panic}, as {@code recover()} would return it in Go. */
    public Object value() {
        return value;
    }
}
