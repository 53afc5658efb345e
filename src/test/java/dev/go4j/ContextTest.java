package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.go4j.Go.*;
import static dev.go4j.Spawned.spawn;
import static org.junit.jupiter.api.Assertions.*;

/** The context package's contracts. */
@DisplayName("context")
class ContextTest {

    @Nested
    @DisplayName("Background")
    class Backgrounds {
        @Test
        @DisplayName("is never done: its done channel is nil and err is null")
        void neverDone() {
            Context bg = background();
            assertSame(nilChan(), bg.done());
            assertNull(bg.err());
            assertTrue(bg.deadline().isEmpty());
            assertEquals(1, select(recv(bg.done()), defaultCase()));
        }
    }

    @Nested
    @DisplayName("WithCancel")
    class WithCancel {
        @Test
        @DisplayName("cancel closes done and sets err to \"context canceled\"")
        void cancelCloses() throws Throwable {
            CancelContext ctx = withCancel(background());
            var waiter = spawn(() -> ctx.done().recvOk()).awaitBlocked("chan receive");
            assertNull(ctx.err());
            ctx.cancel();
            assertFalse(waiter.join().ok());
            assertSame(ContextError.CANCELED, ctx.err());
            assertEquals("context canceled", ctx.err().getMessage());
        }

        @Test
        @DisplayName("cancelling twice is harmless")
        void idempotent() {
            CancelContext ctx = withCancel(background());
            ctx.cancel();
            ctx.cancel();
            assertSame(ContextError.CANCELED, ctx.err());
        }

        @Test
        @DisplayName("cancelling a parent cancels its children, never the other way round")
        void tree() {
            CancelContext parent = withCancel(background());
            CancelContext child = withCancel(parent);
            CancelContext grandchild = withCancel(withValue(child, "k", "v"));
            child.cancel();
            assertNull(parent.err());
            assertSame(ContextError.CANCELED, grandchild.err());
            CancelContext sibling = withCancel(parent);
            parent.cancel();
            assertSame(ContextError.CANCELED, sibling.err());
        }

        @Test
        @DisplayName("a child of a cancelled parent is born cancelled")
        void bornCancelled() {
            CancelContext parent = withCancel(background());
            parent.cancel();
            assertSame(ContextError.CANCELED, withCancel(parent).err());
        }

        @Test
        @DisplayName("try-with-resources cancels on the way out, like defer cancel()")
        void tryWithResources() {
            CancelContext kept;
            try (CancelContext ctx = withCancel(background())) {
                kept = ctx;
                assertNull(ctx.err());
            }
            assertSame(ContextError.CANCELED, kept.err());
        }

        @Test
        @DisplayName("a context of another implementation is followed through its done channel")
        void foreignParent() {
            CancelContext real = withCancel(background());
            Context foreign = new Context() {
                public RecvChan<Void> done() { return real.done(); }
                public ContextError err() { return real.err(); }
                public java.util.Optional<Instant> deadline() { return java.util.Optional.empty(); }
                public Object value(Object key) { return null; }
            };
            CancelContext child = withCancel(foreign);
            real.cancel();
            child.done().recv();
            assertSame(ContextError.CANCELED, child.err());
        }
    }

    @Nested
    @DisplayName("WithTimeout and WithDeadline")
    class Deadlines {
        @Test
        @DisplayName("the context is done after the timeout with \"context deadline exceeded\"")
        void timeout() {
            CancelContext ctx = withTimeout(background(), millis(20));
            assertTrue(ctx.deadline().isPresent());
            ctx.done().recv();
            assertSame(ContextError.DEADLINE_EXCEEDED, ctx.err());
            assertEquals("context deadline exceeded", ctx.err().getMessage());
        }

        @Test
        @DisplayName("a deadline in the past is done at once")
        void pastDeadline() {
            CancelContext ctx = withDeadline(background(), Instant.now().minusSeconds(1));
            ctx.done().recv();
            assertSame(ContextError.DEADLINE_EXCEEDED, ctx.err());
        }

        @Test
        @DisplayName("cancelling before the deadline reports \"canceled\" and disarms the timer")
        void cancelFirst() {
            int before = Timers.armed();
            for (int i = 0; i < 1_000; i++) {
                CancelContext ctx = withTimeout(background(), seconds(60));
                ctx.cancel();
                assertSame(ContextError.CANCELED, ctx.err());
            }
            assertTrue(Timers.armed() < before + 10, "timers left armed: " + (Timers.armed() - before));
        }

        @Test
        @DisplayName("a child cannot outlive its parent's deadline")
        void parentDeadlineWins() {
            CancelContext parent = withTimeout(background(), millis(20));
            CancelContext child = withTimeout(parent, seconds(60));
            assertEquals(parent.deadline(), child.deadline());
            child.done().recv();
            assertSame(ContextError.DEADLINE_EXCEEDED, child.err());
        }
    }

    @Nested
    @DisplayName("WithValue")
    class Values {
        @Test
        @DisplayName("looks a key up through the chain of parents")
        void lookup() {
            Context ctx = withValue(withCancel(withValue(background(), "user", "ann")), "trace", 42);
            assertEquals("ann", ctx.value("user"));
            assertEquals(42, ctx.value("trace"));
            assertNull(ctx.value("missing"));
        }
    }
}
