package dev.go4j;

import java.util.HashSet;
import java.util.Set;

/**
 * Decides whether a {@link History} is linearizable with respect to a {@link Model}: whether its calls can be
 * put in one sequence that respects real-time order (a call that returned before another was invoked comes
 * first) and in which every call returns what the model allows. Wing and Gong's search: repeatedly pick a call
 * whose predecessors are all placed, try every state the model allows after it, backtrack on a dead end; with
 * Lowe's memo of (placed calls, state) pairs already explored, so each pair is searched once.
 */
final class Linearizability {
    private Linearizability() {}

    static <S> boolean check(History h, Model<S> model) {
        return new Search<>(h, model).from(0L, model.initial());
    }

    private static final class Search<S> {
        private final History h;
        private final Model<S> model;
        private final long all;
        private final Set<Object> seen = new HashSet<>();

        Search(History h, Model<S> model) {
            this.h = h;
            this.model = model;
            this.all = h.size() == 64 ? -1L : (1L << h.size()) - 1;
        }

        boolean from(long placed, S state) {
            if (placed == all) return true;
            if (!seen.add(new Visit(placed, state))) return false;
            for (int i = 0; i < h.size(); i++) {
                long bit = 1L << i;
                if ((placed & bit) != 0 || (h.predecessors.get(i) & ~placed) != 0) continue;
                for (S next : model.after(state, h.calls.get(i))) {
                    if (from(placed | bit, next)) return true;
                }
            }
            return false;
        }
    }

    private record Visit(long placed, Object state) {}
}
