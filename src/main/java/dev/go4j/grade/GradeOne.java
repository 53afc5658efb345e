package dev.go4j.grade;

import dev.go4j.notebook.CheckRecords.TestRecord;
import dev.go4j.notebook.JsonWriter;
import dev.go4j.notebook.Notebook;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grading JVM of one submission (started by {@link ClassGrader}): grades it with {@link NotebookGrader} and
 * writes what happens, as it happens, to a results file in JSON Lines, so that a crash loses nothing already
 * known.
 *
 * <p>{@code GradeOne SOURCE SUBMISSION RESULTS CELL_LIMIT_SECONDS [SKIP_INDEX=REASON]...}. Lines:
 * {@code {"type":"cell","index":i}} after each cell, {@code {"type":"exercise",...}} after each check,
 * {@code {"type":"done","flags":[...]}} at the end; {@code {"type":"stuck","index":i}} before it exits at once
 * when a cell cannot be stopped.
 */
public final class GradeOne {
    /** The exit status after a cell that could not be stopped. */
    static final int STUCK_EXIT = 75;

    private GradeOne() {}

    public static void main(String[] args) throws IOException {
        Notebook source = Notebook.read(Path.of(args[0]));
        Notebook submission = Notebook.read(Path.of(args[1]));
        Path results = Path.of(args[2]);
        Duration cellLimit = Duration.ofMillis((long) (Double.parseDouble(args[3]) * 1000));
        Map<Integer, String> skip = new LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            skip.put(Integer.parseInt(args[i].substring(0, eq)), args[i].substring(eq + 1));
        }
        System.setIn(java.io.InputStream.nullInputStream());
        try (PrintStream out = new PrintStream(Files.newOutputStream(results, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                true, StandardCharsets.UTF_8)) {
            NotebookGrade grade = new NotebookGrader(cellLimit).grade(source, submission, skip,
                    e -> line(out, exercise(e)), index -> line(out, Map.of("type", "cell", "index", (long) index)),
                    index -> {
                        // a thread of this JVM is lost in that cell: let the parent start again without it
                        line(out, Map.of("type", "stuck", "index", (long) index));
                        System.exit(STUCK_EXIT);
                    });
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("type", "done");
            done.put("flags", new ArrayList<>(grade.flags()));
            line(out, done);
        }
        System.exit(0); // leaked goroutines of the learner must not keep this JVM alive
    }

    private static synchronized void line(PrintStream out, Map<String, Object> value) {
        out.println(JsonWriter.writeLine(value));
        if (out.checkError()) throw new UncheckedIOException(new IOException("cannot write the results file"));
    }

    static Map<String, Object> exercise(ExerciseGrade e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "exercise");
        m.put("exercise", e.exercise());
        m.put("score", e.score());
        m.put("max", e.max());
        m.put("reason", e.reason());
        List<Object> tests = new ArrayList<>();
        for (TestRecord t : e.tests()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("name", t.name());
            tm.put("hidden", t.hidden());
            tm.put("status", t.status());
            tm.put("message", t.message());
            tm.put("hint", t.hint());
            tests.add(tm);
        }
        m.put("tests", tests);
        return m;
    }
}
