package dev.go4j.notebook;

import java.time.Duration;
import java.util.Set;

/**
 * What running one code cell gave.
 *
 * @param cellIndex      the cell's position among all cells of the notebook (0-based)
 * @param executionCount the cell's number among code cells (1-based), as Jupyter shows it: {@code In [3]}
 * @param tags           the cell's tags
 * @param stdout         what the cell and its goroutines printed on System.out while the cell ran
 * @param stderr         the same for System.err (a goroutine's panic report lands here)
 * @param value          the value of the cell's last expression as a Jupyter kernel shows it, or null
 * @param error          why the cell failed, or null if it did not
 * @param lateOutput     what goroutines started by this cell printed after it ended, until the notebook ended
 * @param duration       how long the cell ran
 */
public record CellResult(int cellIndex, int executionCount, Set<String> tags, String stdout, String stderr,
                         String value, CellError error, String lateOutput, Duration duration) {

    /** The tag for a cell that is meant to fail. */
    public static final String RAISES_EXCEPTION = "raises-exception";
    /** The tag for a cell whose output varies from run to run. */
    public static final String NONDETERMINISTIC = "nondeterministic";

    /** Whether the cell is tagged as meant to fail. */
    public boolean errorExpected() {
        return tags.contains(RAISES_EXCEPTION);
    }

    /** Whether the cell failed without being tagged {@code raises-exception}. */
    public boolean unexpectedError() {
        return error != null && !errorExpected();
    }

    /** A short description for reports: {@code In [3]} and the outcome. */
    @Override
    public String toString() {
        return "In [" + executionCount + "] " + (error == null ? "ok" : error.kind() + ": " + error.summary());
    }
}
