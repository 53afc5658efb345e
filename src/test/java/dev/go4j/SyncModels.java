package dev.go4j;

import java.util.List;

/** Sequential specifications of Go's sync types and of context cancellation, for the linearizability tests. */
final class SyncModels {
    private SyncModels() {}

    static final String NEGATIVE_COUNTER = "panic: sync: negative WaitGroup counter";
    static final String UNLOCK_OF_UNLOCKED = "panic: sync: unlock of unlocked mutex";

    /** sync.WaitGroup: a counter that never goes below zero; await returns only at zero. */
    public static class WaitGroupModel implements Model<Integer> {
        @Override
        public Integer initial() {
            return 0;
        }

        @Override
        public List<Integer> after(Integer n, History.Call c) {
            return switch (c.op()) {
                case "add" -> add(n, (Integer) c.arg(0), c.result());
                case "done" -> add(n, -1, c.result());
                case "count" -> n.equals(c.result()) ? List.of(n) : List.of();
                case "await" -> n == 0 && "ok".equals(c.result()) ? List.of(n) : List.of();
                default -> throw new IllegalArgumentException("no model for " + c);
            };
        }

        private static List<Integer> add(int n, int delta, Object r) {
            if (n + delta < 0) return NEGATIVE_COUNTER.equals(r) ? List.of(n) : List.of();
            return "ok".equals(r) ? List.of(n + delta) : List.of();
        }
    }

    /** sync.Mutex: locked or not; lock waits until it is not. */
    public static class MutexModel implements Model<Boolean> {
        @Override
        public Boolean initial() {
            return false;
        }

        @Override
        public List<Boolean> after(Boolean locked, History.Call c) {
            Object r = c.result();
            return switch (c.op()) {
                case "lock" -> !locked && "ok".equals(r) ? List.of(true) : List.of();
                case "tryLock" -> r.equals(!locked) ? List.of(true) : List.of();
                case "unlock" -> locked ? ("ok".equals(r) ? List.of(false) : List.of())
                        : (UNLOCK_OF_UNLOCKED.equals(r) ? List.of(false) : List.of());
                default -> throw new IllegalArgumentException("no model for " + c);
            };
        }
    }

    /** sync.Once: the first run runs the action, every other call finds it done. */
    public static class OnceModel implements Model<Boolean> {
        @Override
        public Boolean initial() {
            return false;
        }

        @Override
        public List<Boolean> after(Boolean done, History.Call c) {
            Object r = c.result();
            return switch (c.op()) {
                case "run", "runPanicking" -> done ? ("skipped".equals(r) ? List.of(true) : List.of())
                        : (("ran".equals(r) || "panicked".equals(r)) ? List.of(true) : List.of());
                case "isDone" -> done.equals(r) ? List.of(done) : List.of();
                default -> throw new IllegalArgumentException("no model for " + c);
            };
        }
    }

    /**
     * A parent context, a child of it, and a grandchild under a value context under the child. Cancelling a
     * context cancels its whole subtree at once: no call may see a parent cancelled and its child not.
     */
    public static class ContextModel implements Model<ContextModel.State> {
        /** Whether the parent, and the child itself, were cancelled. */
        record State(boolean parent, boolean child) {
            boolean childDone() {
                return parent || child;
            }
        }

        @Override
        public State initial() {
            return new State(false, false);
        }

        @Override
        public List<State> after(State s, History.Call c) {
            Object r = c.result();
            return switch (c.op()) {
                case "cancelParent" -> List.of(new State(true, s.child()));
                case "cancelChild" -> List.of(new State(s.parent(), true));
                case "errParent" -> expect(s, r, err(s.parent()));
                case "errChild", "errGrandchild", "errOfNewChild" -> expect(s, r, err(s.childDone()));
                case "doneGrandchild" -> expect(s, r, s.childDone() ? "closed" : "open");
                case "awaitGrandchild" -> s.childDone() ? expect(s, r, "context canceled") : List.of();
                default -> throw new IllegalArgumentException("no model for " + c);
            };
        }

        private static String err(boolean cancelled) {
            return cancelled ? "context canceled" : "null";
        }

        private static List<State> expect(State s, Object result, Object expected) {
            return expected.equals(result) ? List.of(s) : List.of();
        }
    }
}
