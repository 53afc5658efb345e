package dev.go4j.check;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A hint shown to the learner when this test fails, under the failure. On a test class, it is the hint for all of
 * its tests that have none of their own.
 *
 * <pre>{@code
 * @Test @Hint("Start one goroutine per input, so that a slow input cannot hold up the other.")
 * void aSlowInputDoesNotDelayTheOther() { ... }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Hint {
    String value();
}
