package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.go4j.Go.*;
import static org.junit.jupiter.api.Assertions.*;

/** Traces record what goroutines do and draw it. */
@DisplayName("Tracing")
class TraceTest {
    static RecvChan<String> boring(String msg) {
        Chan<String> c = chan(msg);
        go(msg, () -> {
            for (int i = 0; ; i++) {
                c.send(msg + " " + i);
                sleep(millis(randInt(5)));
            }
        });
        return c;
    }

    static RecvChan<String> fanIn(RecvChan<String> a, RecvChan<String> b) {
        Chan<String> c = chan("fan-in");
        go("fanIn", () -> {
            for (;;) select(recv(a, c::send), recv(b, c::send));
        });
        return c;
    }

    static org.w3c.dom.Document parseXml(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("a trace of Pike's fan-in has a lane per goroutine and an arrow per message")
    void fanInTrace() throws Exception {
        Trace t = trace(() -> {
            RecvChan<String> c = fanIn(boring("Joe"), boring("Ann"));
            for (int i = 0; i < 10; i++) c.recv();
        });
        assertNull(t.failure());
        List<String> lanes = t.lanes().stream().map(Trace.Lane::label).toList();
        assertEquals(List.of("goroutine", "goroutine", "goroutine", "goroutine"), lanes.stream().map(l -> l.split(" ")[0]).toList());
        assertEquals(Set.of("\"main\"", "\"Joe\"", "\"Ann\"", "\"fanIn\""), lanes.stream().map(l -> l.split(" ")[2]).collect(Collectors.toSet()));

        Map<Long, String> name = t.lanes().stream().collect(Collectors.toMap(Trace.Lane::goroutine, l -> l.label().split("\"")[1]));
        List<Trace.Message> toMain = t.messages().stream().filter(m -> name.get(m.to()).equals("main")).toList();
        assertEquals(10, toMain.size(), "main received ten messages");
        for (Trace.Message m : toMain) {
            assertEquals("fan-in", m.channel());
            assertEquals("fanIn", name.get(m.from()), "everything main gets comes through fanIn");
        }
        for (Trace.Message m : t.messages()) {
            if (m.channel().equals("Joe")) assertEquals(List.of("Joe", "fanIn"), List.of(name.get(m.from()), name.get(m.to())));
            if (m.channel().equals("Ann")) assertEquals(List.of("Ann", "fanIn"), List.of(name.get(m.from()), name.get(m.to())));
            assertTrue(m.sentNanos() <= m.receivedNanos());
        }
        assertTrue(t.messages().stream().anyMatch(m -> m.channel().equals("Joe")));
        assertTrue(t.messages().stream().anyMatch(m -> m.channel().equals("Ann")));
        assertTrue(t.events().stream().anyMatch(e -> e.kind() == Trace.Kind.SELECT), "select choices are recorded");
        assertTrue(t.lanes().stream().anyMatch(l -> !l.blocked().isEmpty()), "blocked time is recorded");

        var doc = parseXml(t.svg());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals(4 + 1, countText(doc, "goroutine") + countText(doc, "chan fan-in"), "four lane labels and a legend entry");
        assertTrue(doc.getElementsByTagName("line").getLength() >= t.messages().size(), "an arrow per message");
        assertTrue(t.toString().contains("select chooses"));
    }

    private static int countText(org.w3c.dom.Document doc, String prefix) {
        var texts = doc.getElementsByTagName("text");
        int n = 0;
        for (int i = 0; i < texts.getLength(); i++) if (texts.item(i).getTextContent().startsWith(prefix)) n++;
        return n;
    }

    @Test
    @DisplayName("a buffered value's arrow spans the time it waited in the buffer")
    void bufferedMessage() {
        Trace t = trace(() -> {
            Chan<Integer> c = chan("box", 1);
            c.send(1);
            go("taker", () -> {
                sleep(millis(20));
                c.recv();
            });
            sleep(millis(60));
        });
        Trace.Message m = t.messages().get(0);
        assertEquals("box", m.channel());
        assertTrue(m.receivedNanos() - m.sentNanos() >= millis(20).toNanos());
    }

    @Test
    @DisplayName("closes, and the zero values they produce, are recorded")
    void closes() {
        Trace t = trace(() -> {
            Chan<Integer> c = chan("done");
            go(() -> close(c));
            c.recv();
        });
        assertTrue(t.events().stream().anyMatch(e -> e.kind() == Trace.Kind.CLOSE && e.channel().equals("done")));
        assertTrue(t.events().stream().anyMatch(e -> e.kind() == Trace.Kind.RECV_CLOSED));
    }

    @Test
    @DisplayName("a wait that ends the program as soon as it ends is still recorded: receive, close, select")
    void waitEndingTheProgram() {
        for (int i = 0; i < 300; i++) {
            Trace handoff = trace(() -> {
                Chan<Integer> c = chan("c");
                go(() -> c.send(1));
                c.recv();
            });
            assertTrue(recordedByMain(handoff, Trace.Kind.RECV),
                    "main's receive missing in run " + i + ": " + handoff.events());
            Trace closed = trace(() -> {
                Chan<Integer> c = chan("c");
                go(() -> close(c));
                c.recv();
            });
            assertTrue(recordedByMain(closed, Trace.Kind.RECV_CLOSED),
                    "main's receive of the close missing in run " + i + ": " + closed.events());
            Trace selected = trace(() -> {
                Chan<Integer> a = chan("a"), b = chan("b");
                go(() -> b.send(2));
                select(recv(a), recv(b));
            });
            assertTrue(recordedByMain(selected, Trace.Kind.RECV),
                    "main's select missing in run " + i + ": " + selected.events());
        }
    }

    /** Whether {@code t} holds an event of {@code kind} by main, goroutine 1. */
    private static boolean recordedByMain(Trace t, Trace.Kind kind) {
        return t.events().stream().anyMatch(e -> e.kind() == kind && e.goroutine() == 1);
    }

    @Test
    @DisplayName("a deadlocked run is traced up to the deadlock, which the trace keeps")
    void deadlockKept() throws Exception {
        Trace t = trace(() -> chan("stuck").send(1));
        assertInstanceOf(DeadlockError.class, t.failure());
        assertTrue(t.svg().contains("fatal error: all goroutines are asleep - deadlock!"));
        parseXml(t.svg());
    }

    @Test
    @DisplayName("a large run is summarised, not drawn goroutine by goroutine")
    void largeRunSummarised() throws Exception {
        Trace t = trace(() -> {
            Chan<Integer> leftmost = chan(), left = leftmost;
            for (int i = 0; i < 2_000; i++) {
                Chan<Integer> right = chan(), l = left;
                go(() -> l.send(1 + right.recv()));
                left = right;
            }
            Chan<Integer> r = left;
            go(() -> r.send(1));
            assertEquals(2_001, leftmost.recv());
        });
        assertTrue(t.summarised());
        String svg = t.svg();
        parseXml(svg);
        assertTrue(svg.contains("too many to draw"), svg);
        assertTrue(svg.length() < 20_000, "a summary stays small: " + svg.length());
    }

    @Test
    @DisplayName("a value is shown as it was when it was sent, cut to 40 characters")
    void valuesAsSent() {
        String longText = "x".repeat(50);
        Trace t = trace(() -> {
            Chan<Object> c = chan("values", 3);
            StringBuilder changing = new StringBuilder("before");
            c.send(changing);
            changing.replace(0, 6, "after");
            c.send(longText);
            c.send(42L);
            for (int i = 0; i < 3; i++) c.recv();
        });
        List<String> sent = t.events().stream().filter(e -> e.kind() == Trace.Kind.SEND).map(Trace.Event::detail).toList();
        assertEquals(List.of("before", "x".repeat(37) + "...", "42"), sent);
        List<String> received = t.events().stream().filter(e -> e.kind() == Trace.Kind.RECV).map(Trace.Event::detail).toList();
        assertEquals(List.of("after", "x".repeat(37) + "...", "42"), received, "a receive shows the value as it is then");
    }

    @Test
    @DisplayName("a long run keeps every event in order up to a million, then says it was cut short")
    void longRunCutShort() {
        int values = 600_000; // a send and a receive each: more events than a trace keeps
        Trace t = trace(() -> {
            Chan<Integer> c = chan("count", 1);
            for (int i = 0; i < values; i++) {
                c.send(i);
                c.recv();
            }
        });
        assertTrue(t.truncated());
        assertEquals(Tracing.MAX_EVENTS, t.events().size());
        int next = 0;
        long before = 0;
        for (Trace.Event e : t.events()) {
            assertTrue(e.nanos() >= before, "events are in the order recorded");
            before = e.nanos();
            if (e.kind() != Trace.Kind.SEND) continue;
            assertEquals(String.valueOf(next), e.detail());
            assertEquals(next++, e.seq());
        }
        assertTrue(next > 490_000, "the sends before the cut are all there: " + next);
        assertTrue(t.toString().contains("cut short"));
    }

    @Test
    @DisplayName("a kept trace does not keep the program's channels alive, nor the values left in their buffers")
    void channelsNotKept() throws Exception {
        List<WeakReference<Object>> left = new ArrayList<>();
        Trace t = trace(() -> {
            Chan<Object> c = chan("box", 1);
            Object value = new byte[1 << 20];
            left.add(new WeakReference<>(value));
            c.send(value); // stays in the buffer when the program ends
        });
        for (int i = 0; i < 100 && left.get(0).get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertTrue(left.get(0).get() == null, "the value left in the channel's buffer is still reachable");
        Trace.Event send = t.events().stream().filter(e -> e.kind() == Trace.Kind.SEND).findFirst().orElseThrow();
        assertEquals("box", send.channel(), "the channel is still named in the trace");
        assertTrue(send.channelId() > 0);
    }

    @Test
    @DisplayName("nothing is recorded outside a trace, and traces do not nest")
    void scope() {
        assertFalse(Tracing.on);
        Trace t = trace(() -> assertThrows(IllegalStateException.class, () -> trace(() -> {})));
        assertNull(t.failure());
        assertFalse(Tracing.on);
    }
}
