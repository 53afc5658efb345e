package dev.go4j;

import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
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

/**
 * Select over two channels is linearizable, with Go's freedom to complete any ready case: the results of
 * concurrent selects, sends, receives and closes are those of some one-at-a-time order on
 * {@link ChannelModel}, where a select may take any case that is ready at its point in that order.
 */
@Tag("stress")
@DisplayName("Linearizability of select (Lincheck)")
public class SelectLincheckTest {

    /** Two buffered channels (capacity 1 each), with selects that have a default case, so nothing blocks. */
    public static class TwoBuffered {
        private final ChanOps ops = new ChanOps(chan(1), chan(1));

        @Operation
        public Object trySend(@Param(gen = IntGen.class, conf = "0:1") int ch, @Param(gen = IntGen.class, conf = "1:3") int v) {
            return ops.trySend(ch, v);
        }

        @Operation
        public Object tryRecv(@Param(gen = IntGen.class, conf = "0:1") int ch) {
            return ops.tryRecv(ch);
        }

        @Operation
        public Object close(@Param(gen = IntGen.class, conf = "0:1") int ch) {
            return ops.close(ch);
        }

        @Operation
        public Object selectRecv() {
            return ops.selectRecv(true);
        }

        @Operation
        public Object selectSend(@Param(gen = IntGen.class, conf = "4:6") int v) {
            return ops.selectSend(v, true);
        }

        @Validate
        public void settled() {
            ops.checkSettled();
        }
    }

    public static class TwoCap1 extends ChannelModel {
        public TwoCap1() {
            super(1, 1);
        }
    }

    /** Two unbuffered channels, with selects that wait; every scenario ends with both channels closed. */
    public static class TwoUnbuffered {
        private final ChanOps ops = new ChanOps(chan(), chan());

        @Operation
        public Object send(int ch, int v) {
            return ops.send(ch, v);
        }

        @Operation
        public Object recv(int ch) {
            return ops.recv(ch);
        }

        @Operation
        public Object close(int ch) {
            return ops.close(ch);
        }

        @Operation
        public Object tryRecv(int ch) {
            return ops.tryRecv(ch);
        }

        @Operation
        public Object selectRecvWait() {
            return ops.selectRecv(false);
        }

        @Operation
        public Object selectSendWait(int v) {
            return ops.selectSend(v, false);
        }

        @Operation
        public Object selectRecv() {
            return ops.selectRecv(true);
        }

        @Validate
        public void settled() {
            ops.checkSettled();
        }

        /** Two threads of three random calls (half of them selects), a third closes both, then drain both. */
        static List<ExecutionScenario> scenarios(long seed) {
            Class<?> t = TwoUnbuffered.class;
            return Scenarios.withCloser(seed, 2, 3, (Random rnd, Integer v) -> switch (rnd.nextInt(6)) {
                        case 0 -> call(t, "selectRecvWait");
                        case 1 -> call(t, "selectSendWait", v);
                        case 2 -> call(t, "selectRecv");
                        case 3 -> call(t, "send", rnd.nextInt(2), v);
                        default -> call(t, "recv", rnd.nextInt(2));
                    }, List.of(call(t, "close", 0), call(t, "close", 1)),
                    List.of(call(t, "tryRecv", 0), call(t, "tryRecv", 1)));
        }
    }

    public static class TwoUnbufferedModel extends ChannelModel {
        public TwoUnbufferedModel() {
            super(UNBUFFERED, UNBUFFERED);
        }
    }

    @Test
    @DisplayName("two buffered channels: select recv/send with default, trySend, tryRecv, close from 3 threads; model checking")
    void bufferedModelChecking() {
        Scenarios.modelChecking(TwoCap1.class).check(TwoBuffered.class);
    }

    @Test
    @DisplayName("two buffered channels: select recv/send with default, trySend, tryRecv, close from 3 threads; stress")
    void bufferedStress() {
        Scenarios.stress(TwoCap1.class).check(TwoBuffered.class);
    }

    @Test
    @DisplayName("two unbuffered channels: waiting selects, sends and receives from 2 threads while a third closes both; model checking")
    void unbufferedBlockingModelChecking() {
        Scenarios.modelChecking(TwoUnbufferedModel.class, TwoUnbuffered.scenarios(5)).check(TwoUnbuffered.class);
    }

    @Test
    @DisplayName("two unbuffered channels: waiting selects, sends and receives from 2 threads while a third closes both; stress")
    void unbufferedBlockingStress() {
        Scenarios.stress(TwoUnbufferedModel.class, TwoUnbuffered.scenarios(6)).check(TwoUnbuffered.class);
    }
}
