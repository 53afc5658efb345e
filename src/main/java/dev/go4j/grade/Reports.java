package dev.go4j.grade;

import dev.go4j.notebook.CheckRecords.TestRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the gradebook out: a CSV of every exercise grade, a CSV of totals, one JUnit XML file per student (every
 * check, hidden ones included, for the teacher's tools) and one feedback page per student (hidden checks only
 * counted: their names, messages and code never appear).
 */
public final class Reports {
    private Reports() {}

    /**
     * @param sources the source notebooks' exercises by notebook name, for titles, points and hints
     */
    public static void writeAll(Path out, List<Gradebook.Entry> entries, Map<String, List<Exercise>> sources) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("grades.csv"), gradesCsv(entries), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("totals.csv"), totalsCsv(entries), StandardCharsets.UTF_8);
        Map<String, List<Gradebook.Entry>> byStudent = new LinkedHashMap<>();
        for (Gradebook.Entry e : entries) byStudent.computeIfAbsent(e.student(), k -> new ArrayList<>()).add(e);
        Path junit = Files.createDirectories(out.resolve("junit"));
        Path feedback = Files.createDirectories(out.resolve("feedback"));
        for (Map.Entry<String, List<Gradebook.Entry>> s : byStudent.entrySet()) {
            Files.writeString(junit.resolve(fileName(s.getKey()) + ".xml"), junitXml(s.getKey(), s.getValue()), StandardCharsets.UTF_8);
            Files.writeString(feedback.resolve(fileName(s.getKey()) + ".html"), feedbackHtml(s.getKey(), s.getValue(), sources),
                    StandardCharsets.UTF_8);
        }
    }

    static String gradesCsv(List<Gradebook.Entry> entries) {
        StringBuilder sb = new StringBuilder("student,notebook,exercise,score,max_score,reason\n");
        for (Gradebook.Entry e : entries) {
            for (ExerciseGrade x : e.grade().exercises()) {
                sb.append(csv(e.student())).append(',').append(csv(e.notebook())).append(',').append(csv(x.exercise())).append(',')
                        .append(number(x.score())).append(',').append(number(x.max())).append(',').append(csv(x.reason())).append('\n');
            }
        }
        return sb.toString();
    }

    static String totalsCsv(List<Gradebook.Entry> entries) {
        Map<String, double[]> totals = new LinkedHashMap<>();
        for (Gradebook.Entry e : entries) {
            double[] t = totals.computeIfAbsent(e.student(), k -> new double[2]);
            t[0] += e.grade().score();
            t[1] += e.grade().max();
        }
        StringBuilder sb = new StringBuilder("student,score,max_score\n");
        totals.forEach((s, t) -> sb.append(csv(s)).append(',').append(number(t[0])).append(',').append(number(t[1])).append('\n'));
        return sb.toString();
    }

    static String junitXml(String student, List<Gradebook.Entry> entries) {
        StringBuilder suites = new StringBuilder();
        int allTests = 0, allFailures = 0;
        for (Gradebook.Entry e : entries) {
            for (ExerciseGrade x : e.grade().exercises()) {
                List<TestRecord> tests = x.tests().isEmpty()
                        ? List.of(new TestRecord(x.exercise(), false, "ERROR", x.reason(), "")) : x.tests();
                long failures = tests.stream().filter(t -> !t.status().equals("PASSED")).count();
                allTests += tests.size();
                allFailures += (int) failures;
                String suite = e.notebook() + "." + x.exercise();
                suites.append("  <testsuite name=\"").append(xml(student + "." + suite)).append("\" tests=\"").append(tests.size())
                        .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
                suites.append("    <properties><property name=\"score\" value=\"").append(number(x.score()))
                        .append("\"/><property name=\"max_score\" value=\"").append(number(x.max())).append("\"/></properties>\n");
                for (TestRecord t : tests) {
                    suites.append("    <testcase classname=\"").append(xml(suite)).append("\" name=\"")
                            .append(xml((t.hidden() ? "[hidden] " : "") + t.name())).append('"');
                    if (t.status().equals("PASSED")) {
                        suites.append("/>\n");
                    } else {
                        suites.append(">\n      <failure type=\"").append(xml(t.status())).append("\" message=\"")
                                .append(xml(t.message().lines().findFirst().orElse(""))).append("\">").append(xml(t.message()))
                                .append("</failure>\n    </testcase>\n");
                    }
                }
                suites.append("  </testsuite>\n");
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"" + xml(student) + "\" tests=\"" + allTests
                + "\" failures=\"" + allFailures + "\">\n" + suites + "</testsuites>\n";
    }

    static String feedbackHtml(String student, List<Gradebook.Entry> entries, Map<String, List<Exercise>> sources) {
        double score = entries.stream().mapToDouble(e -> e.grade().score()).sum();
        double max = entries.stream().mapToDouble(e -> e.grade().max()).sum();
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Feedback for ").append(html(student))
                .append("</title>\n<style>").append(CSS).append("</style></head>\n<body>\n<h1>Feedback for ").append(html(student))
                .append("</h1>\n<p class=\"total\">Total: <b>").append(number(score)).append(" / ").append(number(max)).append("</b> points</p>\n");
        for (Gradebook.Entry e : entries) {
            Map<String, Exercise> exercises = new LinkedHashMap<>();
            for (Exercise x : sources.getOrDefault(e.notebook(), List.of())) exercises.put(x.id(), x);
            b.append("<section>\n<h2>").append(html(e.notebook())).append(" <span class=\"score\">").append(number(e.grade().score()))
                    .append(" / ").append(number(e.grade().max())).append("</span></h2>\n");
            for (String flag : e.grade().flags()) b.append("<p class=\"flag\">").append(html(flag)).append("</p>\n");
            for (ExerciseGrade x : e.grade().exercises()) {
                Exercise source = exercises.get(x.exercise());
                boolean full = x.score() >= x.max();
                b.append("<div class=\"exercise ").append(full ? "full" : "partial").append("\">\n<h3>")
                        .append(html(source == null ? x.exercise() : source.title())).append(" <span class=\"score\">")
                        .append(number(x.score())).append(" / ").append(number(x.max())).append("</span></h3>\n");
                if (!x.reason().isEmpty()) b.append("<p class=\"reason\">").append(html(x.reason())).append("</p>\n");
                List<TestRecord> visible = x.tests().stream().filter(t -> !t.hidden()).toList();
                if (!visible.isEmpty()) {
                    b.append("<ul class=\"tests\">\n");
                    for (TestRecord t : visible) {
                        boolean ok = t.status().equals("PASSED");
                        b.append("<li class=\"").append(ok ? "pass" : "fail").append("\"><span class=\"mark\">").append(ok ? "&#10003;" : "&#10007;")
                                .append("</span> ").append(html(t.name()));
                        if (!ok) {
                            b.append("<pre>").append(html(t.message())).append("</pre>");
                            if (!t.hint().isEmpty()) b.append("<p class=\"hint\">Hint: ").append(html(t.hint())).append("</p>");
                        }
                        b.append("</li>\n");
                    }
                    b.append("</ul>\n");
                }
                long hidden = x.tests().stream().filter(TestRecord::hidden).count();
                if (hidden > 0) {
                    long passed = x.tests().stream().filter(t -> t.hidden() && t.status().equals("PASSED")).count();
                    b.append("<p class=\"hidden\">Hidden checks: ").append(passed).append(" of ").append(hidden).append(" passed.</p>\n");
                }
                if (!full && source != null && !source.hintText().isEmpty()) {
                    b.append("<p class=\"hint\">").append(inlineMarkdown(source.hintText())).append("</p>\n");
                }
                b.append("</div>\n");
            }
            b.append("</section>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
            h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem}
            .score{float:right;font-weight:normal;color:#555}.total{font-size:1.2rem}
            .exercise{border-left:4px solid #c33;padding:.2rem .8rem;margin:1rem 0;background:#fdf6f6}
            .exercise.full{border-color:#3a3;background:#f5fbf5}
            .tests{list-style:none;padding-left:0}.pass .mark{color:#3a3}.fail .mark{color:#c33}
            pre{background:#fff;border:1px solid #ddd;padding:.5rem;white-space:pre-wrap;margin:.3rem 0 .3rem 1.3rem}
            .hint{color:#225;font-style:italic}.flag{background:#fff3cd;border:1px solid #e0c46c;padding:.4rem .6rem}
            .reason{color:#733}.hidden{color:#555}
            """;

    /** A student name as a file name: letters, digits, dot, dash and underscore kept, the rest replaced. */
    static String fileName(String student) {
        String s = student.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    private static String csv(String s) {
        boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r");
        String body = s.replace("\"", "\"\"");
        // a leading =, +, - or @ would be run as a formula by spreadsheets
        if (!body.isEmpty() && "=+-@".indexOf(body.charAt(0)) >= 0) body = "'" + body;
        return quote ? "\"" + body + "\"" : body;
    }

    /** The markdown a hint cell uses inline ({@code `code`}, {@code **bold**}, {@code *em*}) as HTML; the rest as text. */
    static String inlineMarkdown(String md) {
        String h = html(md);
        h = h.replaceAll("`([^`]+)`", "<code>$1</code>");
        h = h.replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>");
        h = h.replaceAll("\\*([^*]+)\\*", "<i>$1</i>");
        return h.replace("\n\n", "<br><br>");
    }

    static String html(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String xml(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') continue; // not allowed in XML 1.0
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
