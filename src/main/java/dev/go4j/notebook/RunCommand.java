package dev.go4j.notebook;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./go4j run [--time-limit SECONDS] [--compare] NOTEBOOK...}: runs notebooks in the JShell runner and
 * prints each cell's output, value and error; with {@code --compare}, also the differences from the saved
 * outputs. Exits with 1 if a cell failed unexpectedly (or differs), 2 for bad arguments or an unreadable notebook.
 */
public final class RunCommand {
    private RunCommand() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        Duration limit = Duration.ofSeconds(60);
        boolean compare = false;
        List<Path> notebooks = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--time-limit" -> {
                    if (i + 1 >= args.length) usage("--time-limit needs a number of seconds");
                    try {
                        limit = Duration.ofMillis((long) (Double.parseDouble(args[++i]) * 1000));
                    } catch (NumberFormatException e) {
                        usage("--time-limit needs a number of seconds, not " + args[i]);
                    }
                }
                case "--compare" -> compare = true;
                case "-h", "--help" -> usage(null);
                default -> {
                    if (args[i].startsWith("-")) usage("unknown option " + args[i]);
                    notebooks.add(Path.of(args[i]));
                }
            }
        }
        if (notebooks.isEmpty()) usage("name at least one notebook");
        boolean failed = false;
        for (Path file : notebooks) {
            if (!Files.isRegularFile(file)) {
                System.err.println(file + ": no such notebook");
                System.exit(2);
            }
            Notebook nb;
            try {
                nb = Notebook.read(file);
            } catch (IOException | NotebookFormatException e) {
                System.err.println(e.getMessage());
                System.exit(2);
                return;
            }
            out.println("== " + file);
            NotebookRun run = NotebookRunner.withDefaults().cellTimeLimit(limit).onCell(r -> print(out, r)).run(nb);
            for (CellResult r : run.cells()) {
                if (!r.lateOutput().isEmpty()) out.println("In [" + r.executionCount() + "] printed after it ended:\n" + indent(r.lateOutput()));
            }
            int unexpected = run.unexpectedErrors().size();
            int missing = run.missingExpectedErrors().size();
            for (CellResult r : run.missingExpectedErrors()) out.println("In [" + r.executionCount() + "] is tagged raises-exception but did not fail");
            int differences = 0;
            if (compare) {
                for (OutputComparison.Mismatch m : OutputComparison.compare(run)) {
                    out.println(m);
                    differences++;
                }
            }
            out.printf(Locale.ROOT, "%s: %d cells, %d unexpected errors, %d expected errors missing%s%n", file, run.cells().size(),
                    unexpected, missing, compare ? ", " + differences + " outputs differ" : "");
            failed |= unexpected + missing + differences > 0;
        }
        System.exit(failed ? 1 : 0);
    }

    private static void print(PrintStream out, CellResult r) {
        out.printf(Locale.ROOT, "In [%d] %s (%.2f s)%n", r.executionCount(),
                r.error() == null ? "ok" : r.errorExpected() ? "failed as expected" : "FAILED", r.duration().toMillis() / 1000.0);
        if (!r.stdout().isEmpty()) out.print(indent(r.stdout()));
        if (!r.stderr().isEmpty()) out.print(indent("stderr: " + r.stderr()));
        if (r.value() != null) out.print(indent("=> " + r.value()));
        if (r.error() != null) out.print(indent(r.error().text()));
    }

    private static String indent(String text) {
        StringBuilder sb = new StringBuilder();
        text.lines().forEach(l -> sb.append("    ").append(l).append('\n'));
        return sb.toString();
    }

    private static void usage(String problem) {
        if (problem != null) System.err.println("go4j run: " + problem);
        System.err.println("usage: ./go4j run [--time-limit SECONDS] [--compare] NOTEBOOK...");
        System.exit(problem == null ? 0 : 2);
    }
}
