package dev.go4j.bench;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * A JMH profiler that times a cache line's round trip between the two cores ({@link CacheLineRoundTrip}) right after
 * each measured iteration, and reports it beside its score ({@code -prof dev.go4j.bench.CoreToCore}, secondary
 * result {@value #LABEL}, in ns). Every hand-off between two processors pays a few such trips, so the same code can
 * run two to five times slower from one minute to the next, and two scores compare only if they were taken at
 * similar round trips.
 */
public final class CoreToCore implements InternalProfiler {
    static final String LABEL = "core-to-core";

    @Override
    public String getDescription() {
        return "round trip of a cache line between two cores, after each measured iteration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {}

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
                                                      IterationResult result) {
        if (iteration.getType() != IterationType.MEASUREMENT) return List.of();
        return List.of(new ScalarResult(LABEL, CacheLineRoundTrip.nanos(), "ns", AggregationPolicy.AVG));
    }
}
