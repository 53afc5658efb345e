package dev.go4j;

import java.time.Duration;

/**
 * A program ran longer than its time limit and was stopped. The message lists every goroutine and what it was
 * doing at that moment, which usually shows the loop that never ends or the wait that never returns.
 */
public final class TimeLimitExceeded extends Error {
    private static final long serialVersionUID = 1L;

    TimeLimitExceeded(Duration limit, String dump) {
        super("the program ran longer than its time limit of " + GoDuration.format(limit) + " and was stopped."
                + " Its goroutines were doing this:\n\n" + dump, null, false, false);
    }
}
