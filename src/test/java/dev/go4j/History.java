package dev.go4j;

import java.util.ArrayList;
import java.util.List;

/**
 * What a concurrent run did: each call's operation, arguments and result, and which calls had returned before
 * each call was invoked (real-time order). {@link Linearizability} checks a history against a {@link Model}.
 */
final class History {
    /** One completed operation. */
    record Call(String op, List<Object> args, Object result) {
        Object arg(int i) {
            return args.get(i);
        }

        @Override
        public String toString() {
            String a = args.toString();
            return op + "(" + a.substring(1, a.length() - 1) + "): " + result;
        }
    }

    /** At most this many calls: a history is searched with one bit per call. */
    static final int MAX_CALLS = 63;

    final List<Call> calls = new ArrayList<>();
    /** For each call, one bit per call that returned before it was invoked. */
    final List<Long> predecessors = new ArrayList<>();

    /** Adds a call that started after every call in {@code before} (indexes) had returned; returns its index. */
    int add(Call call, long before) {
        if (calls.size() == MAX_CALLS) throw new IllegalStateException("history too long: " + MAX_CALLS + " calls at most");
        calls.add(call);
        predecessors.add(before);
        return calls.size() - 1;
    }

    int size() {
        return calls.size();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < calls.size(); i++) {
            sb.append(i).append(": ").append(calls.get(i)).append("  after ").append(bits(predecessors.get(i))).append('\n');
        }
        return sb.toString();
    }

    private static String bits(long mask) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < 64; i++) if ((mask >>> i & 1) != 0) l.add(i);
        return l.toString();
    }
}
