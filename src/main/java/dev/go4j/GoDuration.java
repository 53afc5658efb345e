package dev.go4j;

import java.math.BigDecimal;
import java.time.Duration;

/** Writes a duration the way Go's {@code time.Duration.String()} does: {@code 1.5s}, {@code 20ms}, {@code 50µs}. */
final class GoDuration {
    private GoDuration() {}

    static String format(Duration d) {
        long n = d.toNanos();
        if (n == 0) return "0s";
        String sign = n < 0 ? "-" : "";
        long a = Math.abs(n);
        if (a < 1_000) return sign + a + "ns";
        if (a < 1_000_000) return sign + scaled(a, 3) + "µs";
        if (a < 1_000_000_000) return sign + scaled(a, 6) + "ms";
        return sign + scaled(a, 9) + "s";
    }

    /** Like {@link #format}, rounded to three significant digits ({@code 14.3s}, {@code 1.23ms}), for display. */
    static String rounded(Duration d) {
        long n = Math.abs(d.toNanos());
        long unit = 1;
        while (n / unit >= 1000) unit *= 10;
        return format(Duration.ofNanos(Math.round((double) d.toNanos() / unit) * unit));
    }

    private static String scaled(long nanos, int exponent) {
        return BigDecimal.valueOf(nanos).movePointLeft(exponent).stripTrailingZeros().toPlainString();
    }
}
