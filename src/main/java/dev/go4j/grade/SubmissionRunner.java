package dev.go4j.grade;

import dev.go4j.notebook.CheckRecords.TestRecord;
import dev.go4j.notebook.JsonException;
import dev.go4j.notebook.JsonReader;
import dev.go4j.notebook.Notebook;
import dev.go4j.notebook.NotebookFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Grades one submission in a JVM of its own ({@link GradeOne}) with a memory limit and a time limit, and never
 * fails: whatever goes wrong becomes a zero with a reason on the affected exercises.
 *
 * <p>If the grading JVM ends in the middle of a cell ({@code System.exit}, {@code Runtime.halt}, out of memory, a
 * crash), that cell is known from the results file (the first cell not reported), and grading starts again in a
 * new JVM with that cell skipped, so the other exercises are still graded. A JVM that outlives the time limit is
 * killed; what it had reported is kept.
 */
public final class SubmissionRunner {
    private static final int MAX_ATTEMPTS = 6;
    private static final int STDERR_TAIL = 4000;

    private final Duration cellLimit;
    private final Duration submissionLimit;
    private final int memoryMb;

    /**
     * @param cellLimit       the time limit of one cell
     * @param submissionLimit the time limit of one grading JVM (all the notebook's cells)
     * @param memoryMb        the heap limit of the grading JVM
     */
    public SubmissionRunner(Duration cellLimit, Duration submissionLimit, int memoryMb) {
        this.cellLimit = cellLimit;
        this.submissionLimit = submissionLimit;
        this.memoryMb = memoryMb;
    }

    /** Grades {@code submissionFile} against the (valid) source notebook. */
    public NotebookGrade grade(Path sourceFile, Notebook source, Path submissionFile) {
        List<Exercise> exercises = Exercises.of(source);
        String name = NotebookGrader.nameOf(source);
        Notebook submission;
        try {
            submission = Notebook.read(submissionFile);
        } catch (IOException | NotebookFormatException e) {
            String why = "the submitted notebook could not be read: " + e.getMessage();
            return allZero(name, exercises, why, List.of(why));
        }
        GradingNotebook plan;
        try {
            plan = GradingNotebook.assemble(source, exercises, submission);
        } catch (RuntimeException e) {
            String why = "the submitted notebook could not be graded: " + e.getMessage();
            return allZero(name, exercises, why, List.of(why));
        }
        Map<Integer, String> skip = new LinkedHashMap<>();
        Attempt last = null;
        List<String> flags = new ArrayList<>();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            last = run(sourceFile, submissionFile, skip);
            if (last.done) break;
            int cell = last.stuckCell >= 0 ? last.stuckCell : nextCodeCell(plan, last.lastCell);
            String cellName = cellName(plan, cell);
            String why = last.describeEnd(memoryMb, submissionLimit) + " while running " + cellName;
            flags.add(why);
            if (last.killed || skip.containsKey(cell) || cell >= plan.notebook().cells().size()) break;
            skip.put(cell, why);
        }
        Map<String, ExerciseGrade> graded = last.grades;
        List<ExerciseGrade> out = new ArrayList<>();
        for (Exercise e : exercises) {
            ExerciseGrade g = graded.get(e.id());
            if (g == null) {
                String why = last.done ? "the exercise was not checked"
                        : "not graded: " + (flags.isEmpty() ? "the grading JVM stopped" : flags.get(flags.size() - 1));
                g = ExerciseGrade.zero(e.id(), e.points(), why);
            }
            out.add(g);
        }
        flags.addAll(0, last.flags);
        return new NotebookGrade(name, out, flags);
    }

    /** The first code cell after {@code index}: the runner reports code cells only. */
    private static int nextCodeCell(GradingNotebook plan, int index) {
        int i = index + 1;
        while (i < plan.notebook().cells().size() && !plan.notebook().cells().get(i).isCode()) i++;
        return i;
    }

    /** Names a cell of the grading notebook as the learner knows it (their cells are numbered differently). */
    private static String cellName(GradingNotebook plan, int index) {
        for (var e : plan.checkCells().entrySet()) if (e.getValue() == index) return "the check of \"" + e.getKey() + "\"";
        for (var e : plan.answerCells().entrySet()) if (e.getValue() == index) return "your answer to \"" + e.getKey() + "\"";
        for (var e : plan.hiddenCells().entrySet()) if (e.getValue().contains(index)) return "the hidden checks of \"" + e.getKey() + "\"";
        if (index >= plan.notebook().cells().size()) return "the end of the notebook";
        String first = plan.notebook().cells().get(index).source().strip().lines().findFirst().orElse("");
        return "the cell that starts with \"" + (first.length() > 60 ? first.substring(0, 57) + "..." : first) + "\"";
    }

    static NotebookGrade allZero(String name, List<Exercise> exercises, String why, List<String> flags) {
        List<ExerciseGrade> out = new ArrayList<>();
        for (Exercise e : exercises) out.add(ExerciseGrade.zero(e.id(), e.points(), why));
        return new NotebookGrade(name, out, flags);
    }

    /** What one grading JVM reported. */
    private static final class Attempt {
        final Map<String, ExerciseGrade> grades = new LinkedHashMap<>();
        final List<String> flags = new ArrayList<>();
        int lastCell = -1, stuckCell = -1;
        boolean done, killed;
        int exitCode;
        String stderr = "";

        String describeEnd(int memoryMb, Duration limit) {
            if (killed) return "grading was stopped after " + limit.toSeconds() + " s (the time limit for a notebook)";
            if (stuckCell >= 0) return "the cell ran longer than its time limit and could not be stopped";
            if (stderr.contains("OutOfMemoryError")) {
                return "the program ran out of memory (" + memoryMb + " MB; goroutines left running by an earlier cell count too)";
            }
            if (stderr.contains("StackOverflowError")) return "the program overflowed its stack";
            return "the program ended the grading JVM with exit status " + exitCode + " (System.exit?)";
        }
    }

    private Attempt run(Path sourceFile, Path submissionFile, Map<Integer, String> skip) {
        Attempt a = new Attempt();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("go4j-grade");
            Path results = dir.resolve("results.jsonl");
            Path err = dir.resolve("stderr.txt");
            Path stdout = dir.resolve("stdout.txt"); // the JVM reports running out of memory here
            List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx" + memoryMb + "m", "-XX:+ExitOnOutOfMemoryError",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                    "--add-opens", "java.base/java.lang=ALL-UNNAMED", // notebooks may call gomaxprocs
                    "-cp", System.getProperty("java.class.path"), GradeOne.class.getName(),
                    sourceFile.toAbsolutePath().toString(), submissionFile.toAbsolutePath().toString(), results.toString(),
                    String.format(Locale.ROOT, "%.3f", cellLimit.toMillis() / 1000.0)));
            skip.forEach((i, why) -> cmd.add(i + "=" + why));
            Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
            if (!p.waitFor(submissionLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                a.killed = true;
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            a.exitCode = a.killed ? -1 : p.exitValue();
            a.stderr = tail(stdout) + "\n" + tail(err);
            if (Files.exists(results)) read(Files.readAllLines(results, StandardCharsets.UTF_8), a);
        } catch (IOException e) {
            a.stderr = "could not start the grading JVM: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            a.killed = true;
        } finally {
            deleteQuietly(dir);
        }
        return a;
    }

    private static void read(List<String> lines, Attempt a) {
        for (String line : lines) {
            Object parsed;
            try {
                parsed = JsonReader.parse(line);
            } catch (JsonException torn) {
                continue; // the last line of a JVM that died while writing
            }
            if (!(parsed instanceof Map<?, ?> m)) continue;
            switch (String.valueOf(m.get("type"))) {
                case "cell" -> a.lastCell = Math.max(a.lastCell, ((Number) m.get("index")).intValue());
                case "stuck" -> a.stuckCell = ((Number) m.get("index")).intValue();
                case "exercise" -> {
                    ExerciseGrade g = exercise(m);
                    a.grades.put(g.exercise(), g);
                }
                case "done" -> {
                    a.done = true;
                    if (m.get("flags") instanceof List<?> fl) for (Object f : fl) a.flags.add(String.valueOf(f));
                }
                default -> { }
            }
        }
    }

    static ExerciseGrade exercise(Map<?, ?> m) {
        List<TestRecord> tests = new ArrayList<>();
        if (m.get("tests") instanceof List<?> ts) {
            for (Object o : ts) {
                if (o instanceof Map<?, ?> t) {
                    tests.add(new TestRecord(String.valueOf(t.get("name")), Boolean.TRUE.equals(t.get("hidden")),
                            String.valueOf(t.get("status")), String.valueOf(t.get("message")), String.valueOf(t.get("hint"))));
                }
            }
        }
        return new ExerciseGrade(String.valueOf(m.get("exercise")), ((Number) m.get("score")).doubleValue(),
                ((Number) m.get("max")).doubleValue(), String.valueOf(m.get("reason")), tests);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) return "";
        byte[] bytes = Files.readAllBytes(file);
        int from = Math.max(0, bytes.length - STDERR_TAIL);
        return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind
        }
    }
}
