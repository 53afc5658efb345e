package dev.go4j;

import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static dev.go4j.Go.*;
import static dev.go4j.Scenarios.call;

/**
 * Context cancellation is linearizable with respect to {@link SyncModels.ContextModel}: cancelling a context
 * cancels its whole subtree at one instant, as Go's context package does under its lock. No goroutine can see
 * a parent cancelled and its child not, or a context's err set while its done channel is still open.
 */
@Tag("stress")
@DisplayName("Linearizability of context cancellation (Lincheck)")
public class ContextLincheckTest {

    /** A parent, its child, and a grandchild under a value context under the child; calls that never block. */
    public static class Tree {
        final CancelContext parent = withCancel(background());
        final CancelContext child = withCancel(parent);
        final CancelContext grandchild = withCancel(withValue(child, "k", "v"));

        @Operation
        public Object cancelParent() {
            parent.cancel();
            return "ok";
        }

        @Operation
        public Object cancelChild() {
            child.cancel();
            return "ok";
        }

        @Operation
        public Object errParent() {
            return String.valueOf(message(parent.err()));
        }

        @Operation
        public Object errChild() {
            return String.valueOf(message(child.err()));
        }

        @Operation
        public Object errGrandchild() {
            return String.valueOf(message(grandchild.err()));
        }

        /** Whether the grandchild's done channel is closed, then (to catch err lagging behind) its err. */
        @Operation
        public Object doneGrandchild() {
            Received<Void> r = grandchild.done().tryRecv();
            if (r == null) return "open";
            return grandchild.err() == null ? "closed, but err is null" : "closed";
        }

        /** A context made now from the child: born cancelled if the child is. */
        @Operation
        public Object errOfNewChild() {
            CancelContext c = withCancel(child);
            try {
                return String.valueOf(message(c.err()));
            } finally {
                c.cancel();
            }
        }

        static String message(ContextError e) {
            return e == null ? null : e.getMessage();
        }
    }

    /** {@link Tree} and a wait on the grandchild's done channel, for scenarios in which a context is cancelled. */
    public static class TreeWaiting extends Tree {
        /** Waits on the grandchild's done channel, then reports its err. */
        @Operation
        public Object awaitGrandchild() {
            grandchild.done().recv();
            return String.valueOf(message(grandchild.err()));
        }

        /** Two threads of reads and waits, and a third that cancels the parent (in half the scenarios) or the child. */
        static List<ExecutionScenario> scenarios(long seed) {
            Class<?> t = TreeWaiting.class;
            String[] reads = {"awaitGrandchild", "errParent", "errChild", "doneGrandchild", "errOfNewChild", "errGrandchild"};
            List<ExecutionScenario> all = new java.util.ArrayList<>();
            for (String cancel : new String[] {"cancelParent", "cancelChild"}) {
                all.addAll(Scenarios.withCloser(seed, 2, 2, (Random rnd, Integer v) -> call(t, reads[rnd.nextInt(reads.length)]),
                        List.of(call(t, cancel)), List.of(call(t, "errGrandchild"))));
            }
            return all;
        }
    }

    @Test
    @DisplayName("parent, child, grandchild under a value: cancels and err/done reads from 3 threads; model checking")
    void cancellationModelChecking() {
        Scenarios.modelChecking(SyncModels.ContextModel.class).check(Tree.class);
    }

    @Test
    @DisplayName("parent, child, grandchild under a value: cancels and err/done reads from 3 threads; stress")
    void cancellationStress() {
        Scenarios.stress(SyncModels.ContextModel.class).check(Tree.class);
    }

    @Test
    @DisplayName("goroutines waiting on a grandchild's done channel while the parent or child is cancelled; model checking")
    void waitersModelChecking() {
        Scenarios.modelChecking(SyncModels.ContextModel.class, TreeWaiting.scenarios(11)).check(TreeWaiting.class);
    }
}
