package dev.go4j.notebook;

/**
 * Why a cell did not complete normally.
 *
 * @param kind      what went wrong
 * @param summary   one line: the compiler's message, the exception and its message, or the time limit
 * @param line      the line in the cell (1-based) where it went wrong, or 0 if not known
 * @param exception the exception's class name for {@link Kind#EXCEPTION}, else null
 * @param text      the full report a learner reads: diagnostics with the source line, or the exception with the
 *                  learner's own frames first
 */
public record CellError(Kind kind, String summary, int line, String exception, String text) {
    /** What went wrong. */
    public enum Kind {
        /** The cell does not compile (or uses something not declared yet). */
        COMPILE,
        /** The cell threw an exception (a Go panic is one). */
        EXCEPTION,
        /** The cell ran longer than its time limit and was stopped. */
        TIMEOUT,
        /** The cell ran longer than its time limit and could not be stopped; the cells after it do not run. */
        STUCK,
        /** The cell was not run because an earlier cell could not be stopped. */
        NOT_RUN
    }

    @Override
    public String toString() {
        return text;
    }
}
