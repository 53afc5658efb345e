package dev.go4j;

import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionResult;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.kotlinx.lincheck.execution.ResultWithClock;
import org.jetbrains.kotlinx.lincheck.util.ExceptionResult;
import org.jetbrains.kotlinx.lincheck.util.LincheckResult;
import org.jetbrains.kotlinx.lincheck.util.ValueResult;
import org.jetbrains.lincheck.datastructures.verifier.Verifier;

import java.util.List;

/**
 * Lets Lincheck check results against a {@link Model}, which may allow several outcomes per call (Lincheck's
 * own verifier needs a deterministic specification, and select is not one). Lincheck makes it with the class
 * given as the "sequential specification", which must be a {@link Model} with a public no-argument constructor.
 */
public final class ModelVerifier implements Verifier {
    private final Model<?> model;

    public ModelVerifier(Class<?> sequentialSpecification) {
        try {
            model = (Model<?>) sequentialSpecification.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(sequentialSpecification + " must be a Model with a no-argument constructor", e);
        }
    }

    @Override
    public boolean verifyResults(ExecutionScenario scenario, ExecutionResult result) {
        return Linearizability.check(history(scenario, result), model);
    }

    /** Lincheck's scenario and results as a history: the initial part, then the threads, then the post part. */
    static History history(ExecutionScenario scenario, ExecutionResult result) {
        History h = new History();
        long before = 0;
        List<Actor> init = scenario.getInitExecution();
        for (int i = 0; i < init.size(); i++) before |= 1L << h.add(call(init.get(i), result.getInitResults().get(i)), before);
        long afterInit = before;
        List<List<Actor>> threads = scenario.getParallelExecution();
        List<List<ResultWithClock>> results = result.getParallelResultsWithClock();
        int[][] index = new int[threads.size()][];
        long parallel = 0;
        for (int t = 0; t < threads.size(); t++) {
            index[t] = new int[threads.get(t).size()];
            for (int k = 0; k < threads.get(t).size(); k++) {
                ResultWithClock r = results.get(t).get(k);
                long preds = afterInit;
                for (int k2 = 0; k2 < k; k2++) preds |= 1L << index[t][k2];    // program order
                for (int u = 0; u < t; u++) {                                   // threads already numbered
                    int done = r.getClockOnStart().get(u);
                    for (int k2 = 0; k2 < done; k2++) preds |= 1L << index[u][k2];
                }
                index[t][k] = h.add(call(threads.get(t).get(k), r.getResult()), preds);
                parallel |= 1L << index[t][k];
            }
        }
        // Calls of later threads that returned before an earlier thread's call: fill in now all are numbered.
        for (int t = 0; t < threads.size(); t++) {
            for (int k = 0; k < threads.get(t).size(); k++) {
                ResultWithClock r = results.get(t).get(k);
                long preds = h.predecessors.get(index[t][k]);
                for (int u = t + 1; u < threads.size(); u++) {
                    int done = r.getClockOnStart().get(u);
                    for (int k2 = 0; k2 < done; k2++) preds |= 1L << index[u][k2];
                }
                h.predecessors.set(index[t][k], preds);
            }
        }
        before = afterInit | parallel;
        List<Actor> post = scenario.getPostExecution();
        for (int i = 0; i < post.size(); i++) before |= 1L << h.add(call(post.get(i), result.getPostResults().get(i)), before);
        return h;
    }

    private static History.Call call(Actor actor, LincheckResult result) {
        Object value;
        if (result instanceof ValueResult v) value = v.getValue();
        else if (result instanceof ExceptionResult e) value = "throws " + e.getThrowable();
        else value = "void";
        return new History.Call(actor.getMethod().getName(), actor.getArguments(), value);
    }
}
