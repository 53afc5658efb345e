package dev.go4j.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a benchmark class's scenario for the results table. The benchmark methods of the class are named after
 * what they measure: {@code go4j}, or a peer ({@code jox}, {@code synchronousQueue}, ...).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Scenario {
    /** What the scenario does, in a few words. */
    String value();

    /** What one operation of the score is ("value", "round trip", ...); replaces "op" in JMH's unit. */
    String op();
}
