package dev.go4j.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A small chart for notebooks: bars (one value per label, optionally several series) or lines (several series
 * over a shared x axis). {@link #svg()} draws it; {@link #toString()} is a text table with the same numbers, so a
 * chart reads well where no picture can be shown.
 *
 * <pre>{@code
 * Chart.bars("Throughput (books/s)", "1 core", Map.of("one gopher", 10.0, "four gophers", 38.5))
 * Chart.lines("Latency", "percentile", "ms").series("Search 1.0", xs, ys).series("Search 3.0", xs, ys2)
 * }</pre>
 */
public final class Chart {
    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#9c755f"};
    private static final int WIDTH = 760, LEFT = 190, RIGHT = 30, TOP = 40;

    enum Kind { BARS, LINES }

    /** One named series: for bars, one value per category; for lines, (x, y) points. */
    record Series(String name, List<Double> xs, List<Double> ys) {}

    private final Kind kind;
    private final String title;
    private final String xLabel, yLabel;
    private final List<String> categories = new ArrayList<>();
    private final List<Series> series = new ArrayList<>();

    private Chart(Kind kind, String title, String xLabel, String yLabel) {
        this.kind = kind;
        this.title = Objects.requireNonNull(title, "title");
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** A horizontal bar chart of one series: a bar per label, in the map's order. */
    public static Chart bars(String title, String seriesName, Map<String, ? extends Number> values) {
        return new Chart(Kind.BARS, title, null, null).barSeries(seriesName, values);
    }

    /** An empty bar chart, to add several series to with {@link #barSeries}. */
    public static Chart bars(String title) {
        return new Chart(Kind.BARS, title, null, null);
    }

    /** An empty line chart, to add series to with {@link #series}. */
    public static Chart lines(String title, String xLabel, String yLabel) {
        return new Chart(Kind.LINES, title, xLabel, yLabel);
    }

    /** Adds a bar series: a value for each label (labels seen first define the order). */
    public Chart barSeries(String name, Map<String, ? extends Number> values) {
        requireKind(Kind.BARS);
        Map<String, Double> v = new LinkedHashMap<>();
        values.forEach((k, n) -> v.put(k, n.doubleValue()));
        for (String k : v.keySet()) if (!categories.contains(k)) categories.add(k);
        List<Double> ys = new ArrayList<>();
        for (String k : categories) ys.add(v.getOrDefault(k, 0.0));
        series.add(new Series(name, List.of(), ys));
        return this;
    }

    /** Adds a line series of points (xs[i], ys[i]). */
    public Chart series(String name, List<? extends Number> xs, List<? extends Number> ys) {
        requireKind(Kind.LINES);
        if (xs.size() != ys.size()) throw new IllegalArgumentException("xs and ys differ in length: " + xs.size() + " vs " + ys.size());
        series.add(new Series(name, xs.stream().map(Number::doubleValue).toList(), ys.stream().map(Number::doubleValue).toList()));
        return this;
    }

    private void requireKind(Kind k) {
        if (kind != k) throw new IllegalStateException("this is a " + kind.name().toLowerCase(Locale.ROOT) + " chart");
    }

    /** The chart as an SVG picture. */
    public String svg() {
        return kind == Kind.BARS ? barsSvg() : linesSvg();
    }

    private String barsSvg() {
        int rows = categories.size(), per = Math.max(1, series.size());
        int barH = 16, gap = 10, groupH = per * barH + gap;
        int height = TOP + rows * groupH + 40 + (series.size() > 1 ? 20 : 0);
        double max = 0;
        for (Series s : series) for (double y : s.ys()) max = Math.max(max, y);
        max = max <= 0 ? 1 : max;
        StringBuilder svg = open(height);
        for (int r = 0; r < rows; r++) {
            double y0 = TOP + r * groupH;
            text(svg, LEFT - 8, y0 + per * barH / 2.0 + 4, categories.get(r), "end", 12);
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).ys().get(r);
                double w = (WIDTH - LEFT - RIGHT - 70) * v / max;
                double y = y0 + s * barH;
                svg.append(fmt("<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>\n",
                        LEFT, y, Math.max(0.5, w), barH - 2, PALETTE[s % PALETTE.length], esc(series.get(s).name()), number(v)));
                text(svg, LEFT + w + 4, y + barH - 5, number(v), "start", 11);
            }
        }
        if (series.size() > 1) legend(svg, height - 14);
        return svg.append("</svg>\n").toString();
    }

    private String linesSvg() {
        int height = 360, bottom = height - 70;
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = 0;
        for (Series s : series) {
            for (double x : s.xs()) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); }
            for (double y : s.ys()) maxY = Math.max(maxY, y);
        }
        if (series.isEmpty() || minX == Double.MAX_VALUE) { minX = 0; maxX = 1; }
        if (maxX == minX) maxX = minX + 1;
        maxY = maxY <= 0 ? 1 : maxY * 1.05;
        StringBuilder svg = open(height);
        int left = 70;
        double fx = (WIDTH - left - RIGHT) / (maxX - minX), fy = (bottom - TOP) / maxY;
        svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>\n", left, bottom, WIDTH - RIGHT, bottom));
        svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>\n", left, TOP, left, bottom));
        for (int i = 0; i <= 4; i++) {
            double yv = maxY * i / 4, y = bottom - yv * fy;
            text(svg, left - 6, y + 4, number(yv), "end", 10);
            double xv = minX + (maxX - minX) * i / 4, x = left + (xv - minX) * fx;
            text(svg, x, bottom + 16, number(xv), "middle", 10);
        }
        if (xLabel != null) text(svg, (left + WIDTH - RIGHT) / 2.0, bottom + 34, xLabel, "middle", 12);
        if (yLabel != null) svg.append(fmt("<text x=\"14\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>\n",
                (TOP + bottom) / 2.0, (TOP + bottom) / 2.0, esc(yLabel)));
        for (int s = 0; s < series.size(); s++) {
            Series se = series.get(s);
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < se.xs().size(); i++) pts.append(fmt("%.1f,%.1f ", left + (se.xs().get(i) - minX) * fx, bottom - se.ys().get(i) * fy));
            svg.append(fmt("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"><title>%s</title></polyline>\n",
                    pts.toString().trim(), PALETTE[s % PALETTE.length], esc(se.name())));
        }
        legend(svg, height - 12);
        return svg.append("</svg>\n").toString();
    }

    private StringBuilder open(int height) {
        StringBuilder svg = new StringBuilder(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">\n", WIDTH, height, WIDTH, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(svg, WIDTH / 2.0, 22, title, "middle", 14);
        return svg;
    }

    private void legend(StringBuilder svg, double y) {
        for (int s = 0; s < series.size(); s++) {
            double x = 70 + s * 170;
            svg.append(fmt("<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, y - 10, PALETTE[s % PALETTE.length]));
            text(svg, x + 16, y, series.get(s).name(), "start", 11);
        }
    }

    private static void text(StringBuilder svg, double x, double y, String s, String anchor, int size) {
        svg.append(fmt("<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\">%s</text>\n", x, y, size, anchor, esc(s)));
    }

    /** The numbers as a text table. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(title).append('\n');
        if (kind == Kind.BARS) {
            int w = categories.stream().mapToInt(String::length).max().orElse(0);
            for (int r = 0; r < categories.size(); r++) {
                sb.append(String.format(Locale.ROOT, "  %-" + w + "s", categories.get(r)));
                for (Series s : series) sb.append("  ").append(series.size() > 1 ? s.name() + "=" : "").append(number(s.ys().get(r)));
                sb.append('\n');
            }
        } else {
            for (Series s : series) {
                sb.append("  ").append(s.name()).append(':');
                for (int i = 0; i < s.xs().size(); i++) sb.append(' ').append('(').append(number(s.xs().get(i))).append(", ").append(number(s.ys().get(i))).append(')');
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", (long) v);
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        if (Math.abs(v) >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
