package dev.go4j;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link Trace} as SVG: time runs left to right, one lane per goroutine; a grey bar while it lives, a
 * shaded bar while it is blocked; an arrow for each message, coloured by channel; a dot where a select chose.
 * A run too large to draw is summarised: counts, and goroutines alive and blocked over time.
 */
final class TraceSvg {
    private static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"};
    private static final int LEFT = 170, RIGHT = 30, TOP = 30, LANE = 30, WIDTH = 900;

    private final Trace trace;
    private final long span;
    private final StringBuilder svg = new StringBuilder();

    TraceSvg(Trace trace) {
        this.trace = trace;
        this.span = Math.max(1, trace.duration().toNanos());
    }

    String render() {
        return trace.summarised() ? summary() : timeline();
    }

    private double x(long nanos) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (double) Math.min(nanos, span) / span;
    }

    private String timeline() {
        List<Trace.Lane> lanes = trace.lanes();
        Map<Long, Integer> row = new HashMap<>();
        for (int i = 0; i < lanes.size(); i++) row.put(lanes.get(i).goroutine(), i);
        Map<String, String> colours = new LinkedHashMap<>();
        for (Trace.Message m : trace.messages()) colours.computeIfAbsent(m.channel(), c -> PALETTE[colours.size() % PALETTE.length]);
        int height = TOP + lanes.size() * LANE + 40 + 18 * ((colours.size() + 3) / 4) + (trace.failure() != null ? 20 : 0);
        open(height);
        svg.append("<defs>");
        colours.forEach((ch, colour) -> svg.append(fmt("<marker id=\"a%s\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker>", id(ch), colour)));
        svg.append("</defs>\n");
        for (int i = 0; i < lanes.size(); i++) {
            Trace.Lane l = lanes.get(i);
            double y = y(i);
            text(8, y + 4, l.label(), "start", 12);
            svg.append(fmt("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"8\" fill=\"#d9d9d9\"><title>%s runs</title></rect>\n",
                    x(l.startNanos()), y - 4, Math.max(1, x(l.endNanos()) - x(l.startNanos())), esc(l.label())));
            for (long[] b : l.blocked()) {
                svg.append(fmt("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"14\" fill=\"#f4a582\" opacity=\"0.8\"><title>blocked %s</title></rect>\n",
                        x(b[0]), y - 7, Math.max(1, x(b[1]) - x(b[0])), GoDuration.rounded(Duration.ofNanos(b[1] - b[0]))));
            }
        }
        for (Trace.Message m : trace.messages()) {
            Integer from = row.get(m.from()), to = row.get(m.to());
            if (from == null || to == null) continue;
            String colour = colours.get(m.channel());
            svg.append(fmt("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.5\" marker-end=\"url(#a%s)\"><title>%s on %s</title></line>\n",
                    x(m.sentNanos()), y(from), x(m.receivedNanos()), y(to), colour, id(m.channel()), esc(m.value()), esc(m.channel())));
        }
        for (Trace.Event e : trace.events()) {
            Integer r = row.get(e.goroutine());
            if (r == null) continue;
            if (e.kind() == Trace.Kind.SELECT) {
                svg.append(fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#000\"><title>select chose %s</title></circle>\n", x(e.nanos()), y(r), esc(e.detail())));
            } else if (e.kind() == Trace.Kind.CLOSE) {
                svg.append(fmt("<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" fill=\"#b2182b\">✕<title>close %s</title></text>\n", x(e.nanos()), y(r) + 4, esc(e.channel())));
            }
        }
        double axis = TOP + lanes.size() * LANE;
        axis(axis);
        double ly = axis + 34;
        int col = 0;
        for (var c : colours.entrySet()) {
            double lx = LEFT + col * 180;
            svg.append(fmt("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>", lx, ly - 4, lx + 20, ly - 4, c.getValue()));
            text(lx + 26, ly, "chan " + c.getKey(), "start", 11);
            if (++col == 4) {
                col = 0;
                ly += 18;
            }
        }
        failureNote(height - 8);
        return close();
    }

    private String summary() {
        List<Trace.Lane> lanes = trace.lanes();
        int buckets = 120;
        int[] alive = new int[buckets], blocked = new int[buckets];
        long step = Math.max(1, span / buckets);
        for (Trace.Lane l : lanes) {
            for (int b = bucket(l.startNanos(), step, buckets); b <= bucket(l.endNanos(), step, buckets); b++) alive[b]++;
            for (long[] iv : l.blocked()) {
                for (int b = bucket(iv[0], step, buckets); b <= bucket(iv[1], step, buckets); b++) blocked[b]++;
            }
        }
        int max = 1;
        for (int a : alive) max = Math.max(max, a);
        int height = 300;
        open(height);
        text(LEFT, 22, String.format(Locale.ROOT, "%,d goroutines, %,d messages in %s (too many to draw one by one)",
                lanes.size(), trace.messages().size(), GoDuration.rounded(trace.duration())), "start", 13);
        double top = 40, bottom = 240;
        polyline(alive, max, top, bottom, "#4393c3", step, "4");
        polyline(blocked, max, top, bottom, "#d6604d", step, "2");
        text(LEFT - 8, top + 4, String.format(Locale.ROOT, "%,d", max), "end", 11);
        text(LEFT - 8, bottom + 4, "0", "end", 11);
        text(LEFT + 10, bottom + 50, "goroutines alive", "start", 11);
        svg.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#4393c3\" stroke-width=\"2\"/>", LEFT - 12, bottom + 46.0, LEFT + 4, bottom + 46.0));
        text(LEFT + 170, bottom + 50, "goroutines blocked", "start", 11);
        svg.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d6604d\" stroke-width=\"2\"/>", LEFT + 148, bottom + 46.0, LEFT + 164, bottom + 46.0));
        axis(bottom);
        failureNote(height - 4);
        return close();
    }

    private static int bucket(long nanos, long step, int buckets) {
        return (int) Math.min(buckets - 1, Math.max(0, nanos / step));
    }

    private void polyline(int[] values, int max, double top, double bottom, String colour, long step, String width) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            pts.append(fmt("%.1f,%.1f ", x(i * step), bottom - (bottom - top) * values[i] / max));
        }
        svg.append(fmt("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"/>\n", pts.toString().trim(), colour, width));
    }

    private void axis(double y) {
        svg.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#444\"/>\n", LEFT, y, WIDTH - RIGHT, y));
        long step = niceStep(span / 5);
        for (long t = 0; t <= span; t += step) {
            double tx = x(t);
            svg.append(fmt("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#444\"/>", tx, y, tx, y + 4));
            text(tx, y + 16, GoDuration.format(Duration.ofNanos(t)), "middle", 10);
        }
    }

    /** The smallest of 1, 2 or 5 times a power of ten that is at least {@code rough}: a tick step people read. */
    static long niceStep(long rough) {
        long p = 1;
        while (p * 10 <= Math.max(1, rough)) p *= 10;
        for (long m : new long[] {1, 2, 5, 10}) if (m * p >= rough) return m * p;
        return 10 * p;
    }

    private void failureNote(double y) {
        Throwable f = trace.failure();
        if (f == null) return;
        String first = String.valueOf(f.getMessage()).lines().findFirst().orElse(f.toString());
        svg.append(fmt("<text x=\"8\" y=\"%.1f\" font-size=\"12\" fill=\"#b2182b\">%s</text>\n", y, esc(first)));
    }

    private double y(int row) {
        return TOP + row * LANE + LANE / 2.0;
    }

    private void open(int height) {
        svg.append(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">\n", WIDTH, height, WIDTH, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    }

    private String close() {
        return svg.append("</svg>\n").toString();
    }

    private void text(double x, double y, String s, String anchor, int size) {
        svg.append(fmt("<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>\n", x, y, size, anchor, esc(s)));
    }

    private static String id(String channel) {
        return Integer.toHexString(channel.hashCode());
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
