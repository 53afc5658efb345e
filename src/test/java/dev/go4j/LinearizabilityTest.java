package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The linearizability checker itself: it accepts what a channel may do and rejects what it may not. */
@DisplayName("Linearizability checker")
class LinearizabilityTest {
    private static History.Call call(String op, Object result, Object... args) {
        return new History.Call(op, List.of(args), result);
    }

    /** Adds calls that run one after another. */
    private static History sequential(History.Call... calls) {
        History h = new History();
        long before = 0;
        for (History.Call c : calls) before |= 1L << h.add(c, before);
        return h;
    }

    @Test
    @DisplayName("accepts a buffered channel used one call at a time, and rejects a value received that was never sent")
    void sequentialHistories() {
        ChannelModel cap2 = new ChannelModel(2);
        assertTrue(Linearizability.check(sequential(call("trySend", true, 1), call("trySend", true, 2),
                call("trySend", false, 3), call("len", 2), call("tryRecv", 1), call("close", "ok"),
                call("recv", 2), call("recv", "closed"), call("trySend", ChannelModel.SEND_ON_CLOSED, 4)), cap2));
        assertFalse(Linearizability.check(sequential(call("trySend", true, 1), call("tryRecv", 7)), cap2));
        assertFalse(Linearizability.check(sequential(call("trySend", true, 1), call("trySend", true, 2),
                call("tryRecv", 2)), cap2), "FIFO order");
        assertFalse(Linearizability.check(sequential(call("close", "ok"), call("close", "ok")), cap2));
    }

    @Test
    @DisplayName("respects real-time order: a receive that starts after a send returned must see its value")
    void realTime() {
        ChannelModel cap1 = new ChannelModel(1);
        History after = sequential(call("trySend", true, 1), call("tryRecv", "empty"));
        assertFalse(Linearizability.check(after, cap1));
        History overlapping = new History();
        overlapping.add(call("trySend", true, 1), 0);
        overlapping.add(call("tryRecv", "empty"), 0); // ran alongside the send: may come first
        assertTrue(Linearizability.check(overlapping, cap1));
    }

    @Test
    @DisplayName("two concurrent trySends on a channel of capacity 1 cannot both succeed before any receive")
    void capacity() {
        History h = new History();
        int a = h.add(call("trySend", true, 1), 0);
        int b = h.add(call("trySend", true, 2), 0);
        h.add(call("tryRecv", 1), 1L << a | 1L << b);
        h.add(call("tryRecv", 2), 1L << a | 1L << b | 1L << 2);
        assertFalse(Linearizability.check(h, new ChannelModel(1)));
        assertTrue(Linearizability.check(h, new ChannelModel(2)));
    }

    @Test
    @DisplayName("select may take any ready case, but never default while a case is ready")
    void selectChoices() {
        ChannelModel two = new ChannelModel(1, 1);
        for (String taken : List.of("0:5", "1:6")) {
            assertTrue(Linearizability.check(sequential(call("trySend", true, 0, 5), call("trySend", true, 1, 6),
                    call("selectRecv", taken)), two), taken);
        }
        assertFalse(Linearizability.check(sequential(call("trySend", true, 0, 5), call("selectRecv", "default")), two));
        assertTrue(Linearizability.check(sequential(call("close", "ok", 1), call("trySend", true, 0, 5),
                call("selectSend", ChannelModel.SEND_ON_CLOSED, 7)), two), "a closed send case may be polled first");
    }

    @Test
    @DisplayName("an unbuffered channel: a send completes only with a receive; a try-form may always find nobody")
    void unbuffered() {
        ChannelModel c = new ChannelModel(ChannelModel.UNBUFFERED);
        History h = new History();
        h.add(call("send", "ok", 1), 0);
        h.add(call("recv", 1), 0);
        assertTrue(Linearizability.check(h, c));
        assertTrue(Linearizability.check(sequential(call("trySend", false, 1), call("tryRecv", "empty"), call("len", 0)), c));
        assertFalse(Linearizability.check(sequential(call("close", "ok"), call("tryRecv", "empty")), c));
    }
}
