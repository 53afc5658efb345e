package dev.go4j.check;

import static dev.go4j.Go.chan;
import static dev.go4j.Go.go;

import dev.go4j.Chan;
import dev.go4j.RecvChan;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.opentest4j.AssertionFailedError;

/**
 * Checks that a fan-in really multiplexes: values from either input come out as soon as they are sent, however
 * slow the other input is. A fan-in that reads its inputs in turn produces the same values when both inputs are
 * busy, so this check keeps one input silent and sees whether the other still gets through.
 *
 * <p>No timing threshold is involved: the silent input stays silent until the check has seen the other input's
 * values (or waited {@link Channels#PATIENCE}, which a correct fan-in never needs).
 */
public final class FanInCheck {
    private FanInCheck() {}

    /**
     * @param fanIn the learner's fan-in: given two input channels, returns the merged channel
     * @throws AssertionFailedError if the merged channel does not pass on the values of one input while the other is
     *                              silent, or loses or invents values
     */
    public static void assertInterleaves(BiFunction<RecvChan<String>, RecvChan<String>, RecvChan<String>> fanIn) {
        Chan<String> slow = chan("slow input");
        Chan<String> fast = chan("fast input");
        RecvChan<String> out = start(fanIn, slow, fast);
        go(() -> {
            for (int i = 1; i <= 3; i++) fast.send("fast " + i);
        });
        for (int i = 1; i <= 3; i++) {
            String v;
            try {
                v = Channels.recvWithin(out, "while the first input was silent, value " + i + " of the second input");
            } catch (AssertionFailedError e) {
                throw new AssertionFailedError(e.getMessage() + ". A fan-in must pass on whichever input is ready: "
                        + "this one waits for the first input before it reads the second. Read each input in its own "
                        + "goroutine (or with select), not in turn.");
            }
            if (!v.equals("fast " + i)) throw new AssertionFailedError("the merged channel gave a value nobody sent", "fast " + i, v);
        }
        go(() -> slow.send("slow 1"));
        String late = Channels.recvWithin(out, "the first input's value, sent last");
        if (!late.equals("slow 1")) throw new AssertionFailedError("the merged channel gave a value nobody sent", "slow 1", late);
    }

    /**
     * Checks that every value of both inputs comes out exactly once, with each input's own order kept.
     *
     * @param perInput how many values each input sends
     */
    public static void assertMergesAll(BiFunction<RecvChan<String>, RecvChan<String>, RecvChan<String>> fanIn, int perInput) {
        Chan<String> a = chan("input a");
        Chan<String> b = chan("input b");
        RecvChan<String> out = start(fanIn, a, b);
        go(() -> {
            for (int i = 0; i < perInput; i++) a.send("a" + i);
        });
        go(() -> {
            for (int i = 0; i < perInput; i++) b.send("b" + i);
        });
        int nextA = 0, nextB = 0;
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < 2 * perInput; n++) {
            String v = Channels.recvWithin(out, "value " + (n + 1) + " of " + 2 * perInput);
            if (!seen.add(v)) throw new AssertionFailedError("the value " + v + " came out twice");
            if (v.equals("a" + nextA)) nextA++;
            else if (v.equals("b" + nextB)) nextB++;
            else throw new AssertionFailedError("got " + v + " out of order: each input's values must keep their order (next expected a"
                    + nextA + " or b" + nextB + ")");
        }
    }

    private static RecvChan<String> start(BiFunction<RecvChan<String>, RecvChan<String>, RecvChan<String>> fanIn,
                                          RecvChan<String> first, RecvChan<String> second) {
        CompletableFuture<RecvChan<String>> made = new CompletableFuture<>();
        go(() -> {
            try {
                made.complete(fanIn.apply(first, second));
            } catch (Throwable t) {
                made.completeExceptionally(t);
            }
        });
        try {
            RecvChan<String> out = made.get(Channels.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (out == null) throw new AssertionFailedError("the fan-in returned null instead of a channel");
            return out;
        } catch (TimeoutException e) {
            throw new AssertionFailedError("the fan-in did not return within " + CheckRunner.seconds(Channels.PATIENCE)
                    + ": it must start goroutines that forward the values and return the merged channel at once");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
