package dev.go4j.check;

import java.util.List;

/**
 * The outcome of an exercise's checks, and the text the learner reads under the check cell: each visible case
 * passed or failed and why, with its hint; hidden cases only counted.
 */
public record CheckReport(String exercise, List<TestOutcome> outcomes) {
    public CheckReport {
        outcomes = List.copyOf(outcomes);
    }

    public long passed() {
        return outcomes.stream().filter(TestOutcome::passed).count();
    }

    public boolean allPassed() {
        return !outcomes.isEmpty() && passed() == outcomes.size();
    }

    /** The report as shown in the notebook. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        List<TestOutcome> visible = outcomes.stream().filter(o -> !o.hidden()).toList();
        List<TestOutcome> hidden = outcomes.stream().filter(TestOutcome::hidden).toList();
        if (outcomes.isEmpty()) {
            return exercise + ": no tests were found. Does the check cell name the test class, and does it have @Test methods?\n";
        }
        sb.append(exercise).append(": ").append(passed()).append(" of ").append(outcomes.size()).append(" checks passed")
                .append(allPassed() ? " - well done!" : "").append('\n');
        for (TestOutcome o : visible) {
            sb.append(o.passed() ? "  PASS  " : "  FAIL  ").append(o.name()).append('\n');
            if (o.passed()) continue;
            for (String line : o.message().strip().split("\n")) sb.append("          ").append(line).append('\n');
            if (!o.hint().isEmpty()) sb.append("          Hint: ").append(o.hint()).append('\n');
        }
        if (!hidden.isEmpty()) {
            long ok = hidden.stream().filter(TestOutcome::passed).count();
            sb.append("  hidden checks: ").append(ok).append(" of ").append(hidden.size()).append(" passed\n");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
