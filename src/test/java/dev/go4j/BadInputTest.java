package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static dev.go4j.Go.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Hostile input everywhere in the runtime's API: each bad argument gets a clear exception at once, in Go's
 * words where Go has some, and null stands for Go's nil channel where Go allows a nil channel.
 */
@Tag("stress")
@DisplayName("Bad input")
class BadInputTest {

    @Nested
    @DisplayName("null arguments")
    class Nulls {
        /** Where null is allowed, and what it then means; every other null must be rejected. */
        private static final Map<String, String> ALLOWED = Map.ofEntries(
                Map.entry("Go.close(0)", "panic: close of nil channel"),
                Map.entry("Go.len(0)", "0: nil channel"), Map.entry("Go.cap(0)", "0: nil channel"),
                Map.entry("Go.recv(0)", "a case on the nil channel"), Map.entry("Go.recvOk(0)", "a case on the nil channel"),
                Map.entry("Go.send(0)", "a case on the nil channel"),
                Map.entry("Go.println(0)", "prints an empty line"),
                Map.entry("Go.printf(1)", "prints the format alone, as Java's printf does"),
                Map.entry("Go.panic(0)", "panic: panic called with nil argument"),
                Map.entry("Go.withValue(2)", "nil is a value like any other"),
                Map.entry("Chan.send(0)", "NullPointerException: " + Chan.NULL_VALUE),
                Map.entry("Chan.trySend(0)", "NullPointerException: " + Chan.NULL_VALUE),
                Map.entry("CancelContext.value(0)", "null: no value for a key never set"));

        @Test
        @DisplayName("every public method of Go given null for one argument: NullPointerException naming it, or Go's nil meaning")
        void facade() throws Exception {
            List<String> problems = new ArrayList<>();
            int checked = 0;
            for (Method m : Go.class.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers())) continue;
                checked += sweep(null, m, problems);
            }
            assertTrue(checked > 40, "only " + checked + " null arguments tried");
            assertEquals(List.of(), problems);
        }

        @Test
        @DisplayName("every public method of channels, sync types, timers, contexts and errgroups given null: the same")
        void instances() throws Exception {
            List<String> problems = new ArrayList<>();
            Timer timer = newTimer(seconds(3600));
            Ticker ticker = newTicker(seconds(3600));
            Object[] targets = {chan(1), new WaitGroup(), new Mutex(), new RWMutex(), new Once(), timer, ticker,
                    withCancel(background()), errGroup(), errGroup(background())};
            int checked = 0;
            try {
                for (Object target : targets) {
                    for (Method m : target.getClass().getMethods()) {
                        if (m.getDeclaringClass() == Object.class || Modifier.isStatic(m.getModifiers())) continue;
                        checked += sweep(target, m, problems);
                    }
                }
            } finally {
                timer.stop();
                ticker.stop();
            }
            assertTrue(checked >= 10, "only " + checked + " null arguments tried");
            assertEquals(List.of(), problems);
        }

        /** Calls {@code m} once per reference parameter, with null there and valid values elsewhere. */
        private int sweep(Object target, Method m, List<String> problems) throws Exception {
            int n = 0;
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                if (types[i].isPrimitive()) continue;
                n++;
                Object[] args = new Object[types.length];
                for (int j = 0; j < types.length; j++) args[j] = j == i ? null : valid(types[j]);
                String where = m.getDeclaringClass().getSimpleName() + "." + m.getName() + "(" + i + ")";
                String outcome = outcome(target, m, args);
                String allowed = ALLOWED.get(where);
                if (allowed != null) {
                    boolean ok = switch (allowed) {
                        case "0: nil channel" -> outcome.equals("returned 0");
                        case "a case on the nil channel" -> outcome.startsWith("returned case") && outcome.contains("chan(nil)");
                        case "prints an empty line", "prints the format alone, as Java's printf does",
                             "nil is a value like any other" -> outcome.startsWith("returned");
                        case "null: no value for a key never set" -> outcome.equals("returned null");
                        default -> outcome.equals(allowed.startsWith("panic: ") ? "Panic: " + allowed.substring(7) : allowed);
                    };
                    if (!ok) problems.add(where + ": expected " + allowed + ", got " + outcome);
                } else if (!outcome.startsWith("NullPointerException: ") || outcome.length() < "NullPointerException: ".length() + 3) {
                    problems.add(where + " " + Arrays.toString(types) + ": expected a NullPointerException with a message, got " + outcome);
                }
            }
            return n;
        }

        private static String outcome(Object target, Method m, Object[] args) throws IllegalAccessException {
            try {
                Object r = m.invoke(target, args);
                return "returned " + (r instanceof Case ? "case " + r : r);
            } catch (InvocationTargetException e) {
                Throwable t = e.getCause();
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }

        /** A harmless valid argument of each type the API takes. */
        private static Object valid(Class<?> type) {
            if (type == int.class) return 1;
            if (type == long.class) return 1L;
            if (type == Duration.class) return millis(1);
            if (type == Instant.class) return Instant.now().plusSeconds(3600);
            if (type == Task.class) return (Task) () -> {};
            if (type == Runnable.class) return (Runnable) () -> {};
            if (type == Consumer.class) return (Consumer<Object>) v -> {};
            if (type == Context.class) return background();
            if (type == String.class) return "name";
            if (type == Case[].class) return new Case[] {defaultCase()};
            if (type == Object[].class) return new Object[] {"x"};
            if (type.isAssignableFrom(Chan.class)) return chan(1);
            if (type == Object.class) return 1;
            throw new AssertionError("no valid value for " + type);
        }
    }

    @Nested
    @DisplayName("channels")
    class Channels {
        @Test
        @DisplayName("a negative capacity is rejected with Go's \"makechan: size out of range\"")
        void negativeCapacity() {
            for (int cap : new int[] {-1, Integer.MIN_VALUE}) {
                var e = assertThrows(IllegalArgumentException.class, () -> chan(cap));
                assertTrue(e.getMessage().startsWith("makechan: size out of range"), e.getMessage());
                assertThrows(IllegalArgumentException.class, () -> chan("named", cap));
            }
        }

        @Test
        @DisplayName("closing twice panics with \"close of closed channel\", and closing nil with \"close of nil channel\"")
        void closeTwice() {
            Chan<Integer> c = chan();
            close(c);
            assertEquals("close of closed channel", assertThrows(Panic.class, () -> close(c)).getMessage());
            assertEquals("close of closed channel", assertThrows(Panic.class, c::close).getMessage());
            assertEquals("close of nil channel", assertThrows(Panic.class, () -> close(nilChan())).getMessage());
        }

        @Test
        @DisplayName("after close: every way of sending panics with \"send on closed channel\"; receiving yields ok=false; len and cap still work")
        void useAfterClose() {
            Chan<Integer> c = chan(2);
            c.send(1);
            close(c);
            for (Runnable send : List.<Runnable>of(() -> c.send(2), () -> c.trySend(2), () -> select(send(c, 2)),
                    () -> select(send(c, 2), defaultCase()))) {
                assertEquals("send on closed channel", assertThrows(Panic.class, send::run).getMessage());
            }
            assertEquals(1, len(c));
            assertEquals(2, cap(c));
            assertEquals(new Received<>(1, true), c.recvOk());
            assertEquals(Received.closed(), c.recvOk());
            assertEquals(Received.closed(), c.tryRecv());
            assertNull(c.recv());
            assertFalse(c.iterator().hasNext());
        }

        @Test
        @DisplayName("select with no cases blocks forever, as Go's select {}: in a program, the deadlock detector reports it")
        void emptySelect() {
            var e = assertThrows(DeadlockError.class, () -> run(() -> select()));
            assertTrue(e.getMessage().contains("all goroutines are asleep - deadlock!"), e.getMessage());
            assertTrue(e.getMessage().contains("select (no cases)"), e.getMessage());
        }

        @Test
        @DisplayName("two default cases are rejected, as Go's compiler does: \"multiple defaults in select\"")
        void twoDefaults() {
            var e = assertThrows(IllegalArgumentException.class, () -> select(defaultCase(), defaultCase()));
            assertEquals("multiple defaults in select", e.getMessage());
        }

        @Test
        @DisplayName("a select takes up to 65 536 cases, Go's limit, and rejects more")
        void tooManyCases() {
            Case[] cases = new Case[65_536];
            Arrays.fill(cases, recv(chan()));
            Chan<Integer> last = chan();
            cases[cases.length - 1] = recv(last);
            go(() -> {
                while (last.waiting()[1] == 0) Thread.yield(); // the select waits: its case number travels in a waiter
                last.send(1);
            });
            assertEquals(65_535, select(cases));

            Case[] tooMany = Arrays.copyOf(cases, 65_537);
            tooMany[65_536] = defaultCase();
            var e = assertThrows(IllegalArgumentException.class, () -> select(tooMany));
            assertEquals("select: too many cases (65537, at most 65536)", e.getMessage());
        }
    }

    @Nested
    @DisplayName("time")
    class Time {
        @Test
        @DisplayName("negative durations fire at once, as in Go: timers, after, timeouts, afterFunc, sleep, reset")
        void negativeDurations() {
            Duration minus = seconds(-5);
            long start = System.nanoTime();
            assertNotNull(newTimer(minus).C.recv());
            assertNotNull(after(minus).recv());
            AtomicBoolean timedOut = new AtomicBoolean();
            select(recv(chan()), timeout(minus, () -> timedOut.set(true)));
            assertTrue(timedOut.get());
            Chan<Boolean> ran = chan(1);
            afterFunc(minus, () -> ran.send(true));
            assertTrue(ran.recv());
            sleep(minus);
            Timer t = newTimer(seconds(3600));
            t.reset(minus);
            assertNotNull(t.C.recv());
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "negative durations took seconds");
        }

        @Test
        @DisplayName("a ticker's period must be positive: Go's \"non-positive interval for NewTicker\" and \"for Ticker.Reset\"")
        void tickerPeriod() {
            for (Duration d : List.of(seconds(-1), Duration.ZERO)) {
                assertEquals("non-positive interval for NewTicker", assertThrows(IllegalArgumentException.class, () -> newTicker(d)).getMessage());
                assertEquals("non-positive interval for NewTicker", assertThrows(IllegalArgumentException.class, () -> tick(d)).getMessage());
                Ticker t = newTicker(seconds(3600));
                assertEquals("non-positive interval for Ticker.Reset", assertThrows(IllegalArgumentException.class, () -> t.reset(d)).getMessage());
                t.stop();
            }
        }

        @Test
        @DisplayName("duration helpers take any long without overflow")
        void durations() {
            assertEquals(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000, Long.MAX_VALUE % 1_000_000 * 1_000), micros(Long.MAX_VALUE));
            assertEquals(Duration.ofNanos(-1_000), micros(-1));
        }
    }

    @Nested
    @DisplayName("contexts and sync")
    class ContextsAndSync {
        @Test
        @DisplayName("a null parent is rejected with Go's \"cannot create context from nil parent\", everywhere")
        void nilParent() {
            for (Runnable r : List.<Runnable>of(() -> withCancel(null), () -> withTimeout(null, seconds(1)),
                    () -> withDeadline(null, Instant.now()), () -> withValue(null, "k", "v"), () -> errGroup(null))) {
                assertEquals("cannot create context from nil parent", assertThrows(NullPointerException.class, r::run).getMessage());
            }
        }

        @Test
        @DisplayName("a null key is rejected with Go's \"nil key\"")
        void nilKey() {
            assertEquals("nil key", assertThrows(NullPointerException.class, () -> withValue(background(), null, "v")).getMessage());
        }

        @Test
        @DisplayName("a timeout in the past: the context is done at once with \"context deadline exceeded\"")
        void pastTimeout() {
            CancelContext ctx = withTimeout(background(), seconds(-1));
            assertEquals(Received.closed(), ctx.done().recvOk());
            assertEquals("context deadline exceeded", ctx.err().getMessage());
        }

        @Test
        @DisplayName("misused sync types panic with Go's words")
        void syncPanics() {
            WaitGroup wg = new WaitGroup();
            assertEquals("sync: negative WaitGroup counter", assertThrows(Panic.class, wg::done).getMessage());
            assertEquals("sync: negative WaitGroup counter", assertThrows(Panic.class, () -> wg.add(-5)).getMessage());
            wg.add(Integer.MAX_VALUE);
            assertEquals("sync: WaitGroup counter overflows", assertThrows(Panic.class, () -> wg.add(1)).getMessage());
            assertEquals("sync: unlock of unlocked mutex", assertThrows(Panic.class, () -> new Mutex().unlock()).getMessage());
            assertEquals("sync: Unlock of unlocked RWMutex", assertThrows(Panic.class, () -> new RWMutex().unlock()).getMessage());
            assertEquals("sync: RUnlock of unlocked RWMutex", assertThrows(Panic.class, () -> new RWMutex().rUnlock()).getMessage());
        }

        @Test
        @DisplayName("an errgroup's limit cannot change while its goroutines run: Go's words")
        void errGroupLimit() {
            ErrGroup g = errGroup();
            Chan<Boolean> release = chan();
            g.go(() -> release.recv());
            var e = assertThrows(IllegalStateException.class, () -> g.setLimit(1));
            assertEquals("errgroup: modify limit while 1 goroutines in the group are still active", e.getMessage());
            release.send(true);
            assertNull(g.await());
        }

        @Test
        @DisplayName("a program's time limit must be positive; randInt's bound too, in Go's words")
        void limits() {
            assertThrows(IllegalArgumentException.class, () -> Program.setDefaultTimeLimit(Duration.ZERO));
            assertThrows(IllegalArgumentException.class, () -> run(seconds(-1), () -> {}));
            assertEquals("invalid argument to Intn", assertThrows(IllegalArgumentException.class, () -> randInt(0)).getMessage());
            AtomicInteger n = new AtomicInteger();
            for (int i = 0; i < 100; i++) n.addAndGet(randInt(1));
            assertEquals(0, n.get());
        }
    }
}
