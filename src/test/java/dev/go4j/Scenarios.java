package dev.go4j;

import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Lincheck set-ups shared by the linearizability tests, and hand-built scenarios for blocking operations.
 *
 * <p>Lincheck's random scenarios suit operations that never block. A blocking operation could wait forever
 * in a random scenario (two receives, one send), which Lincheck reports as a hang. So blocking operations run
 * in scenarios built here, in which every wait must end: a thread of its own closes the channels, which ends
 * every send and receive, and only then do the post-part calls drain what is left.
 */
final class Scenarios {
    private Scenarios() {}

    /** Model checking of random scenarios of {@code test}'s operations, checked against {@code model}. */
    static ModelCheckingOptions modelChecking(Class<? extends Model<?>> model) {
        return checker(new ModelCheckingOptions())
                .iterations(Sizes.pick(2, 10)).invocationsPerIteration(Sizes.pick(30, 150))
                .threads(3).actorsPerThread(3).actorsBefore(2).actorsAfter(2)
                .sequentialSpecification(model).verifier(ModelVerifier.class);
    }

    /** Stress runs (real threads, no scheduling control) of random scenarios, checked against {@code model}. */
    static StressOptions stress(Class<? extends Model<?>> model) {
        return checker(new StressOptions())
                .iterations(Sizes.pick(2, 20)).invocationsPerIteration(Sizes.pick(200, 2_000))
                .threads(3).actorsPerThread(3).actorsBefore(2).actorsAfter(2)
                .sequentialSpecification(model).verifier(ModelVerifier.class);
    }

    /** Model checking of the given scenarios only. */
    static ModelCheckingOptions modelChecking(Class<? extends Model<?>> model, List<ExecutionScenario> scenarios) {
        return only(checker(new ModelCheckingOptions()).invocationsPerIteration(Sizes.pick(20, 100)), model, scenarios);
    }

    /** Stress runs of the given scenarios only. */
    static StressOptions stress(Class<? extends Model<?>> model, List<ExecutionScenario> scenarios) {
        return only(checker(new StressOptions()).invocationsPerIteration(Sizes.pick(200, 2_000)), model, scenarios);
    }

    /**
     * Makes the calling test thread a goroutine that go4j sees running: Lincheck's worker threads are threads go4j
     * did not start, and without a running one the deadlock detector (when it watches code outside programs,
     * as in a notebook kernel) could take a worker that has not yet made its first call for absent and report
     * a deadlock to the others (see Program).
     */
    private static <O extends Options<O, ?>> O checker(O options) {
        Goroutine.current();
        return options;
    }

    /**
     * Model checking, and no interleaving inside the bookkeeping of programs, goroutines and traces, nor inside
     * the JDK's streams and sorting on a select's own arrays: channels and sync are under test, and every
     * extra switch point multiplies the interleavings to explore.
     */
    private static ModelCheckingOptions checker(ModelCheckingOptions options) {
        Goroutine.current();
        return options.addGuarantee(ManagedStrategyGuaranteeKt.forClasses(Scenarios::bookkeeping).allMethods().treatAsAtomic());
    }

    /** Classes whose inside need not be interleaved: go4j's bookkeeping, and JDK helpers on local data. */
    private static Boolean bookkeeping(String className) {
        return switch (className) {
            case "dev.go4j.Program", "dev.go4j.Goroutine", "dev.go4j.Tracing", "dev.go4j.GoroutineDump",
                 "java.util.Arrays", "java.util.concurrent.ThreadLocalRandom" -> true;
            default -> className.startsWith("java.util.stream.");
        };
    }

    private static <O extends Options<O, ?>> O only(O options, Class<? extends Model<?>> model, List<ExecutionScenario> scenarios) {
        options.iterations(0).sequentialSpecification(model).verifier(ModelVerifier.class);
        for (ExecutionScenario s : scenarios) options.addCustomScenario(s);
        return options;
    }

    /** How many hand-built scenarios each blocking test runs. */
    static int count() {
        return Sizes.pick(3, 12);
    }

    /** A call of {@code test}'s public method {@code name} with {@code args}. */
    static Actor call(Class<?> test, String name, Object... args) {
        for (Method m : test.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) return new Actor(m, List.of(args));
        }
        throw new IllegalArgumentException(test.getSimpleName() + " has no public " + name + " with " + args.length + " arguments");
    }

    /**
     * Random scenarios in which {@code workers} threads each make {@code perThread} calls chosen by {@code pick}
     * (given the random source and a value not sent before in the scenario), one more thread makes the
     * {@code closing} calls, and then the {@code post} calls run alone.
     */
    static List<ExecutionScenario> withCloser(long seed, int workers, int perThread, BiFunction<Random, Integer, Actor> pick,
                                              List<Actor> closing, List<Actor> post) {
        Random rnd = new Random(seed);
        List<ExecutionScenario> all = new ArrayList<>();
        for (int n = 0; n < count(); n++) {
            int value = 0;
            List<List<Actor>> threads = new ArrayList<>();
            for (int t = 0; t < workers; t++) {
                List<Actor> thread = new ArrayList<>();
                for (int k = 0; k < perThread; k++) thread.add(pick.apply(rnd, ++value));
                threads.add(thread);
            }
            threads.add(closing);
            all.add(new ExecutionScenario(List.of(), threads, post, null));
        }
        return all;
    }
}
