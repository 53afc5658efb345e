package dev.go4j.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares what the runner printed with the outputs saved in the notebook, cell by cell, for the cells whose
 * output is meant to be the same on every run.
 *
 * <p>Not compared: cells tagged {@code nondeterministic}, and exercise cells ({@code stub}, {@code solution},
 * {@code check}, {@code hidden}), whose output depends on the learner's answer and is cleared in student
 * notebooks. Errors are not compared as text (a kernel and the runner word them differently); whether a cell
 * failed is checked by {@link NotebookRun#unexpectedErrors()}.
 *
 * <p>Normalized before comparing, because it is invisible to a reader: line endings, whitespace at the end of
 * lines, and blank lines at the end.
 */
public final class OutputComparison {
    /** Tags whose cells' outputs are not compared. */
    public static final Set<String> NOT_COMPARED = Set.of(CellResult.NONDETERMINISTIC, "stub", "solution", "check", "hidden");

    /**
     * One difference.
     *
     * @param executionCount the cell ({@code In [n]})
     * @param what           {@code stdout}, {@code stderr} or {@code value}
     * @param saved          the saved text (normalized), or null for no value
     * @param actual         what the runner got (normalized), or null for no value
     */
    public record Mismatch(int executionCount, String what, String saved, String actual) {
        @Override
        public String toString() {
            return "In [" + executionCount + "] " + what + " differs from the saved output:\n"
                    + "--- saved\n" + show(saved) + "--- now\n" + show(actual);
        }

        private static String show(String s) {
            return s == null ? "(no value)\n" : s.isEmpty() ? "(nothing)\n" : s.endsWith("\n") ? s : s + "\n";
        }
    }

    private OutputComparison() {}

    /** The differences between the saved outputs of {@code run}'s notebook and the outputs of the run. */
    public static List<Mismatch> compare(NotebookRun run) {
        List<Mismatch> out = new ArrayList<>();
        for (CellResult r : run.cells()) {
            if (r.tags().stream().anyMatch(NOT_COMPARED::contains)) continue;
            if (r.error() != null && r.error().kind() != CellError.Kind.EXCEPTION && r.error().kind() != CellError.Kind.COMPILE) continue;
            Cell cell = run.notebook().cells().get(r.cellIndex());
            add(out, r.executionCount(), "stdout", normalize(cell.storedStream("stdout")), normalize(r.stdout()));
            add(out, r.executionCount(), "stderr", normalize(cell.storedStream("stderr")), normalize(r.stderr()));
            String saved = cell.storedValue();
            add(out, r.executionCount(), "value", saved == null ? null : normalize(saved), r.value() == null ? null : normalize(r.value()));
        }
        return out;
    }

    private static void add(List<Mismatch> out, int count, String what, String saved, String actual) {
        if (!Objects.equals(saved, actual)) out.add(new Mismatch(count, what, saved, actual));
    }

    /** Line endings to {@code \n}, no whitespace at line ends, no blank lines at the end. */
    public static String normalize(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            sb.append(line.stripTrailing()).append('\n');
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == '\n') end--;
        return end == 0 ? "" : sb.substring(0, end) + "\n";
    }
}
