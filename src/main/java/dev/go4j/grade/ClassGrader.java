package dev.go4j.grade;

import dev.go4j.notebook.Notebook;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Grades a class: every student's submission of every source notebook, each in a JVM of its own
 * ({@link SubmissionRunner}), a bounded number at a time, into a {@link Gradebook}; then writes the
 * {@link Reports}. A submission graded before, unchanged, against the same source, is not graded again.
 *
 * <p>Submissions are found as {@code SUBMISSIONS/<student>/<notebook>.ipynb}; with a single source notebook, also
 * as {@code SUBMISSIONS/<student>.ipynb} or as the only notebook in a student's folder.
 */
public final class ClassGrader {
    /** Changes when grading itself changes, so that old grades are not taken as up to date. */
    static final String GRADER_VERSION = "1";

    /** A source notebook, read and checked. */
    record Source(String name, Path file, Notebook notebook, List<Exercise> exercises, String sha256) {}

    /** One submission to grade (its file may be missing). */
    record Job(String student, Source source, Path submission) {
        String label() {
            return student + "/" + source.name();
        }
    }

    /** What came of one run. */
    public record Summary(int graded, int unchanged, Path out) {}

    private final SubmissionRunner runner;
    private final int workers;
    private final PrintStream log;
    private final boolean terminal;

    public ClassGrader(SubmissionRunner runner, int workers, PrintStream log, boolean terminal) {
        if (workers < 1) throw new IllegalArgumentException("need at least one worker");
        this.runner = runner;
        this.workers = workers;
        this.log = log;
        this.terminal = terminal;
    }

    /**
     * Reads and checks the source notebooks (files or folders of them).
     *
     * @throws IOException             if one cannot be read
     * @throws ExerciseFormatException if one does not follow the authoring format, or two have the same name
     */
    public static List<Source> sources(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".ipynb") && !f.toString().contains(".ipynb_checkpoints")).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IOException(p + ": no such notebook or folder");
            }
        }
        Map<String, Source> byName = new LinkedHashMap<>();
        for (Path f : files) {
            Notebook nb = Notebook.read(f);
            List<Exercise> exercises = Exercises.of(nb);
            if (exercises.isEmpty()) continue; // a notebook without exercises has nothing to grade
            String name = NotebookGrader.nameOf(nb);
            if (byName.containsKey(name)) throw new ExerciseFormatException("two source notebooks are named " + name + ": " + byName.get(name).file() + " and " + f);
            String sha = Checksums.sha256(Checksums.sha256(Files.readAllBytes(f)) + GRADER_VERSION);
            byName.put(name, new Source(name, f, nb, exercises, sha));
        }
        if (byName.isEmpty()) throw new ExerciseFormatException("none of the source notebooks has exercises: " + paths);
        return List.copyOf(byName.values());
    }

    /** Grades every submission under {@code submissions} and writes the gradebook and reports to {@code out}. */
    public Summary grade(List<Source> sources, Path submissions, Path out) throws IOException, SQLException, InterruptedException {
        List<Job> jobs = jobs(sources, submissions);
        Files.createDirectories(out);
        int unchanged = 0, graded = 0;
        try (Gradebook book = Gradebook.open(out.resolve("gradebook.db"))) {
            List<Job> todo = new ArrayList<>();
            Map<Job, String> shas = new LinkedHashMap<>();
            Progress progress = new Progress(log, terminal, jobs.size());
            for (Job j : jobs) {
                String sha = j.submission() == null ? "missing" : Checksums.sha256(Files.readAllBytes(j.submission()));
                shas.put(j, sha);
                if (book.isUpToDate(j.student(), j.source().name(), sha, j.source().sha256())) {
                    unchanged++;
                    progress.unchanged(j.label());
                } else {
                    todo.add(j);
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "go4j-grade-worker");
                t.setDaemon(true);
                return t;
            });
            try {
                CompletionService<Object[]> done = new ExecutorCompletionService<>(pool);
                for (Job j : todo) {
                    done.submit(() -> {
                        long start = System.nanoTime();
                        NotebookGrade g = gradeSafely(j);
                        return new Object[] {j, g, (System.nanoTime() - start) / 1e9};
                    });
                }
                for (int i = 0; i < todo.size(); i++) {
                    Object[] r;
                    try {
                        r = done.take().get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("a grading worker failed", e.getCause()); // gradeSafely does not throw
                    }
                    Job j = (Job) r[0];
                    NotebookGrade g = (NotebookGrade) r[1];
                    book.save(j.student(), g, shas.get(j), j.source().sha256(), (double) r[2]);
                    graded++;
                    progress.graded(j.label(), g, (double) r[2]);
                }
            } finally {
                pool.shutdownNow();
            }
            progress.finish();
            Map<String, List<Exercise>> exercises = new LinkedHashMap<>();
            for (Source s : sources) exercises.put(s.name(), s.exercises());
            Reports.writeAll(out, book.all(), exercises);
        }
        return new Summary(graded, unchanged, out);
    }

    private NotebookGrade gradeSafely(Job j) {
        if (j.submission() == null) {
            String why = "no submission was found (expected " + j.student() + "/" + j.source().name() + ".ipynb)";
            return SubmissionRunner.allZero(j.source().name(), j.source().exercises(), why, List.of(why));
        }
        try {
            return runner.grade(j.source().file(), j.source().notebook(), j.submission());
        } catch (RuntimeException | Error e) {
            String why = "the grader could not grade this submission: " + e;
            return SubmissionRunner.allZero(j.source().name(), j.source().exercises(), why, List.of(why));
        }
    }

    static List<Job> jobs(List<Source> sources, Path submissions) throws IOException {
        if (!Files.isDirectory(submissions)) throw new IOException(submissions + ": no such folder of submissions");
        List<Path> entries;
        try (Stream<Path> s = Files.list(submissions)) {
            entries = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        List<Job> jobs = new ArrayList<>();
        for (Path e : entries) {
            if (Files.isDirectory(e)) {
                String student = e.getFileName().toString();
                List<Path> notebooks;
                try (Stream<Path> s = Files.list(e)) {
                    notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
                }
                for (Source src : sources) {
                    Path exact = e.resolve(src.name() + ".ipynb");
                    Path found = Files.isRegularFile(exact) ? exact : sources.size() == 1 && notebooks.size() == 1 ? notebooks.get(0) : null;
                    jobs.add(new Job(student, src, found));
                }
            } else if (e.toString().endsWith(".ipynb") && sources.size() == 1) {
                String f = e.getFileName().toString();
                jobs.add(new Job(f.substring(0, f.length() - ".ipynb".length()), sources.get(0), e));
            }
        }
        if (jobs.isEmpty()) throw new IOException(submissions + ": no submissions found (expected one folder per student)");
        return jobs;
    }
}
