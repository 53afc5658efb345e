package dev.go4j;

/**
 * Thrown by a go4j operation that was blocked when its thread was interrupted.
 *
 * <p>Go has no interrupts; Java does, and go4j's blocking operations do not declare the checked
 * {@link InterruptedException}, so they report an interrupt with this unchecked exception instead. When it is
 * thrown the operation did not happen: no value was taken, none was sent, no lock was acquired. An operation
 * that completed before the interrupt was seen returns normally and leaves the thread's interrupt status set,
 * so nothing is ever lost.
 *
 * <p>Throwing this exception is how the interrupt propagates, so the thread's interrupt status is cleared.
 */
public class UncheckedInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Wraps the interrupt that ended a blocking operation. */
    public UncheckedInterruptedException(InterruptedException cause) {
        super("interrupted while blocked", cause);
    }

    UncheckedInterruptedException() {
        this(new InterruptedException());
    }
}
