package dev.go4j;

import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static dev.go4j.Go.chan;
import static dev.go4j.Scenarios.call;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Channels are linearizable: whatever the interleaving, the results of concurrent calls are those of some
 * one-at-a-time order that respects real time, run on {@link ChannelModel}. Lincheck's model checker explores
 * interleavings systematically (and finds a lost wake-up as a hang); its stress mode runs real threads.
 * Runs in its own JVM with Lincheck's agent and {@code -Ddev.go4j.spins=0} (see Parker).
 */
@Tag("stress")
@DisplayName("Linearizability of channels (Lincheck)")
public class ChanLincheckTest {

    /** A buffered channel of capacity 2, through the calls that never block. */
    public static class BufferedTryForms {
        private final ChanOps ops = new ChanOps(chan(2));

        @Operation
        public Object trySend(@Param(gen = IntGen.class, conf = "1:3") int v) {
            return ops.trySend(0, v);
        }

        @Operation
        public Object tryRecv() {
            return ops.tryRecv(0);
        }

        @Operation
        public Object close() {
            return ops.close(0);
        }

        @Operation
        public Object len() {
            return ops.len(0);
        }

        @Validate
        public void settled() {
            ops.checkSettled();
        }
    }

    /** Capacity 2, as the specification of {@link BufferedTryForms}. */
    public static class Cap2 extends ChannelModel {
        public Cap2() {
            super(2);
        }
    }

    /** Blocking and non-blocking calls on one channel, for hand-built scenarios that end with a close. */
    abstract static class Blocking {
        final ChanOps ops;

        Blocking(Chan<Integer> c) {
            ops = new ChanOps(c);
        }

        @Operation
        public Object send(int v) {
            return ops.send(0, v);
        }

        @Operation
        public Object recv() {
            return ops.recv(0);
        }

        @Operation
        public Object trySend(int v) {
            return ops.trySend(0, v);
        }

        @Operation
        public Object tryRecv() {
            return ops.tryRecv(0);
        }

        @Operation
        public Object close() {
            return ops.close(0);
        }

        @Operation
        public Object len() {
            return ops.len(0);
        }

        /** Two threads of three random calls each, a third thread that closes, then three tryRecvs. */
        static List<org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario> scenarios(Class<?> test, long seed) {
            return Scenarios.withCloser(seed, 2, 3, (Random rnd, Integer v) -> switch (rnd.nextInt(6)) {
                        case 0, 1 -> call(test, "send", v);
                        case 2, 3 -> call(test, "recv");
                        case 4 -> rnd.nextBoolean() ? call(test, "trySend", v) : call(test, "tryRecv");
                        default -> call(test, "len");
                    }, List.of(call(test, "close")),
                    List.of(call(test, "tryRecv"), call(test, "tryRecv"), call(test, "tryRecv")));
        }
    }

    public static class UnbufferedBlocking extends Blocking {
        public UnbufferedBlocking() {
            super(chan());
        }

        @Validate
        public void settled() {
            ops.checkSettled();
        }
    }

    public static class Unbuffered extends ChannelModel {
        public Unbuffered() {
            super(UNBUFFERED);
        }
    }

    public static class BufferedBlocking extends Blocking {
        public BufferedBlocking() {
            super(chan(1));
        }

        @Validate
        public void settled() {
            ops.checkSettled();
        }
    }

    public static class Cap1 extends ChannelModel {
        public Cap1() {
            super(1);
        }
    }

    /**
     * A channel of capacity 2 without its lock, as a check of the checks: model checking must find it out.
     */
    public static class Unlocked {
        private final java.util.ArrayDeque<Integer> buf = new java.util.ArrayDeque<>();
        private int count; // kept apart from the deque, as Chan keeps its count: the race is between the two

        @Operation
        public Object trySend(@Param(gen = IntGen.class, conf = "1:3") int v) {
            if (count == 2) return false;
            buf.add(v);
            count++;
            return true;
        }

        @Operation
        public Object tryRecv() {
            if (count == 0) return "empty";
            count--;
            Integer v = buf.poll();
            return v == null ? "empty" : v;
        }

        @Operation
        public Object len() {
            return count;
        }
    }

    @Test
    @DisplayName("the check can fail: model checking finds the race in a buffered channel without its lock")
    void unlockedChannelIsCaught() {
        assertThrows(LincheckAssertionError.class, () -> Scenarios.modelChecking(Cap2.class).check(Unlocked.class));
    }

    @Test
    @DisplayName("buffered (capacity 2): trySend, tryRecv, close, len from 3 threads; model checking against a FIFO of 2 with close")
    void bufferedTryFormsModelChecking() {
        Scenarios.modelChecking(Cap2.class).check(BufferedTryForms.class);
    }

    @Test
    @DisplayName("buffered (capacity 2): trySend, tryRecv, close, len from 3 threads; stress against a FIFO of 2 with close")
    void bufferedTryFormsStress() {
        Scenarios.stress(Cap2.class).check(BufferedTryForms.class);
    }

    @Test
    @DisplayName("unbuffered: send, recv, trySend, tryRecv, len from 2 threads while a third closes; model checking, every value received once")
    void unbufferedBlockingModelChecking() {
        Scenarios.modelChecking(Unbuffered.class, Blocking.scenarios(UnbufferedBlocking.class, 1)).check(UnbufferedBlocking.class);
    }

    @Test
    @DisplayName("unbuffered: send, recv, trySend, tryRecv, len from 2 threads while a third closes; stress, every value received once")
    void unbufferedBlockingStress() {
        Scenarios.stress(Unbuffered.class, Blocking.scenarios(UnbufferedBlocking.class, 2)).check(UnbufferedBlocking.class);
    }

    @Test
    @DisplayName("buffered (capacity 1): send, recv, trySend, tryRecv, len from 2 threads while a third closes; model checking")
    void bufferedBlockingModelChecking() {
        Scenarios.modelChecking(Cap1.class, Blocking.scenarios(BufferedBlocking.class, 3)).check(BufferedBlocking.class);
    }

    @Test
    @DisplayName("buffered (capacity 1): send, recv, trySend, tryRecv, len from 2 threads while a third closes; stress")
    void bufferedBlockingStress() {
        Scenarios.stress(Cap1.class, Blocking.scenarios(BufferedBlocking.class, 4)).check(BufferedBlocking.class);
    }
}
