package dev.go4j;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.go4j.Go.*;
import static org.junit.jupiter.api.Assertions.*;

/** errgroup's contracts. */
@DisplayName("errgroup")
class ErrGroupTest {
    @Test
    @DisplayName("await returns null when every goroutine succeeds, after all have finished")
    void allSucceed() {
        ErrGroup g = errGroup();
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 20; i++) g.go(() -> {
            sleep(millis(1));
            done.incrementAndGet();
        });
        assertNull(g.await());
        assertEquals(20, done.get());
    }

    @Test
    @DisplayName("await returns the first error")
    void firstError() {
        ErrGroup g = errGroup();
        IOException boom = new IOException("boom");
        g.go(() -> { throw boom; });
        g.go(() -> sleep(millis(20)));
        assertSame(boom, g.await());
    }

    @Test
    @DisplayName("the first error cancels the group's context, so the others can stop")
    void errorCancelsContext() {
        ErrGroup g = errGroup(background());
        g.go(() -> {
            g.ctx().done().recv();
            throw new IllegalStateException("stopped: " + g.ctx().err().getMessage());
        });
        g.go(() -> { throw new IOException("first"); });
        Exception e = g.await();
        assertEquals("first", e.getMessage());
        assertSame(ContextError.CANCELED, g.ctx().err());
    }

    @Test
    @DisplayName("setLimit bounds how many goroutines run at once")
    void limit() {
        ErrGroup g = errGroup();
        g.setLimit(3);
        AtomicInteger running = new AtomicInteger(), peak = new AtomicInteger();
        for (int i = 0; i < 30; i++) g.go(() -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(millis(2));
            running.decrementAndGet();
        });
        assertNull(g.await());
        assertTrue(peak.get() <= 3, "peak " + peak.get());
    }

    @Test
    @DisplayName("tryGo refuses to start beyond the limit")
    void tryGo() {
        ErrGroup g = errGroup();
        g.setLimit(1);
        Chan<Boolean> release = chan();
        assertTrue(g.tryGo(release::recv));
        assertFalse(g.tryGo(() -> {}));
        release.send(true);
        assertNull(g.await());
    }

    @Test
    @DisplayName("a panic is not an error: await re-throws it")
    void panicRethrown() {
        ErrGroup g = errGroup();
        g.go(() -> panic("bad"));
        assertEquals("bad", assertThrows(Panic.class, g::await).getMessage());
    }
}
