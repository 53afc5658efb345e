import dev.go4j.bench.CacheLineRoundTrip;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times one scenario for two versions of go4j in one JVM, alternating them round by round, and prints the median of
 * the per-round ratios B / A. Each version, with its own copy of {@link Scenarios}, lives in a class loader of its
 * own. Comparing within one JVM takes out what differs from one JVM to the next (where the JIT compiler ends up,
 * which processors the carriers land on), which on a small shared machine is often larger than the change measured.
 * After each measured round it times a cache line's round trip between the cores ({@link CacheLineRoundTrip}), and
 * prints the range: where the host placed the cores can make both versions several times slower for a while.
 *
 * <pre>java Alternate A-classes A-scenarios B-classes B-scenarios scenario rounds</pre>
 */
public final class Alternate {
    private static final int WARM_UP_ROUNDS = 4;

    private Alternate() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: java Alternate A-classes A-scenarios B-classes B-scenarios scenario rounds");
            System.exit(2);
        }
        Method a = scenarios(args[0], args[1]), b = scenarios(args[2], args[3]);
        String scenario = args[4];
        int rounds = Integer.parseInt(args[5]);
        List<Double> ratios = new ArrayList<>();
        double sumA = 0, sumB = 0;
        double fastestTrip = Double.MAX_VALUE, slowestTrip = 0;
        for (int r = 0; r < WARM_UP_ROUNDS + rounds; r++) {
            // Each goes first in every other round: whatever the first run leaves behind (garbage, a warm cache)
            // falls on both alike.
            double x, y;
            if (r % 2 == 0) {
                x = (double) a.invoke(null, scenario);
                y = (double) b.invoke(null, scenario);
            } else {
                y = (double) b.invoke(null, scenario);
                x = (double) a.invoke(null, scenario);
            }
            if (r < WARM_UP_ROUNDS) continue;
            ratios.add(y / x);
            sumA += x;
            sumB += y;
            double trip = CacheLineRoundTrip.nanos();
            fastestTrip = Math.min(fastestTrip, trip);
            slowestTrip = Math.max(slowestTrip, trip);
        }
        Collections.sort(ratios);
        int n = ratios.size();
        System.out.printf(Locale.ROOT,
                "%-9s B/A median %.3f (quartiles %.3f %.3f)   mean A %.1f ns, B %.1f ns, %d rounds, core-to-core %.0f to %.0f ns%n",
                scenario, ratios.get(n / 2), ratios.get(n / 4), ratios.get(3 * n / 4), sumA / n, sumB / n, n,
                fastestTrip, slowestTrip);
    }

    private static Method scenarios(String classes, String scenarios) throws Exception {
        URL[] path = {Path.of(classes).toUri().toURL(), Path.of(scenarios).toUri().toURL()};
        ClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader());
        return loader.loadClass("Scenarios").getMethod("run", String.class);
    }
}
