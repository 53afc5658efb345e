package dev.go4j.grade;

import dev.go4j.notebook.NotebookFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./go4j grade SOURCE... --submissions DIR [--out DIR] [--workers N] [--time-limit SECONDS]
 * [--cell-time-limit SECONDS] [--memory MB]}: grades a class. See {@link ClassGrader}.
 */
public final class GradeCommand {
    private GradeCommand() {}

    private static final String USAGE = """
            usage: ./go4j grade SOURCE... --submissions DIR [options]
              SOURCE              source notebooks (with solutions), or folders of them
              --submissions DIR   one folder per student, holding their notebooks
              --out DIR           where the gradebook, CSV, JUnit XML and feedback go (default: grades)
              --workers N         submissions graded at once (default: number of CPUs)
              --time-limit S      seconds for one notebook of one student (default: 600)
              --cell-time-limit S seconds for one cell (default: 60)
              --memory MB         heap of each grading JVM (default: 512)""";

    public static void main(String[] args) {
        List<Path> sources = new ArrayList<>();
        Path submissions = null, out = Path.of("grades");
        int workers = Runtime.getRuntime().availableProcessors();
        double limit = 600, cellLimit = 60;
        int memory = 512;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--submissions" -> submissions = Path.of(value(args, ++i, a));
                    case "--out" -> out = Path.of(value(args, ++i, a));
                    case "--workers" -> workers = Integer.parseInt(value(args, ++i, a));
                    case "--time-limit" -> limit = Double.parseDouble(value(args, ++i, a));
                    case "--cell-time-limit" -> cellLimit = Double.parseDouble(value(args, ++i, a));
                    case "--memory" -> memory = Integer.parseInt(value(args, ++i, a));
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        System.exit(0);
                    }
                    default -> {
                        if (a.startsWith("-")) throw new IllegalArgumentException("unknown option " + a);
                        sources.add(Path.of(a));
                    }
                }
            }
            if (sources.isEmpty()) throw new IllegalArgumentException("name the source notebooks");
            if (submissions == null) throw new IllegalArgumentException("--submissions DIR is required");
            if (workers < 1 || memory < 64 || limit <= 0 || cellLimit <= 0) throw new IllegalArgumentException("limits must be positive (memory at least 64 MB)");
        } catch (IllegalArgumentException e) { // includes NumberFormatException
            System.err.println("go4j grade: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
        try {
            List<ClassGrader.Source> src = ClassGrader.sources(sources);
            SubmissionRunner runner = new SubmissionRunner(seconds(cellLimit), seconds(limit), memory);
            ClassGrader.Summary s = new ClassGrader(runner, workers, System.err, System.console() != null).grade(src, submissions, out);
            System.out.println("gradebook: " + s.out().resolve("gradebook.db") + "\ngrades:    " + s.out().resolve("grades.csv")
                    + ", " + s.out().resolve("totals.csv") + "\njunit:     " + s.out().resolve("junit") + "\nfeedback:  " + s.out().resolve("feedback"));
            System.exit(0);
        } catch (IOException | NotebookFormatException | ExerciseFormatException e) {
            System.err.println("go4j grade: " + e.getMessage());
            System.exit(1);
        } catch (SQLException e) {
            System.err.println("go4j grade: the gradebook could not be written: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            System.err.println("go4j grade: interrupted");
            System.exit(130);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }
}
