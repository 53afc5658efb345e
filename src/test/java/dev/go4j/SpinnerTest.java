package dev.go4j;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static dev.go4j.Go.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The spinner of an unbuffered channel (see {@link Chan}): a goroutine that waits by spinning in the channel's own
 * fields. Whatever meets it there (a partner, close, a select) must do what it does to a queued waiter.
 *
 * <p>A spinner spins for some microseconds only, so each test catches it in a loop: it gives a fresh channel a long
 * spin budget, starts the waiting goroutine, looks until the channel has a spinner, and meets it at once. Every round checks the outcome; the test also checks that some
 * rounds did find a spinner, so that it cannot pass by testing only queued waiters.
 */
@DisplayName("The spinner of an unbuffered channel")
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a lost wake-up hangs
class SpinnerTest {
    private static final int ROUNDS = 400;
    /** Rounds that must find a spinner: some, not all, since a spinner may give up and park before it is met. */
    private static final int ENOUGH = 20;

    @BeforeEach
    void needsSpinning() {
        assumeTrue(Parker.MAX_SPINS > 0, "on one core nobody spins");
    }

    @Test
    @DisplayName("close ends a spinning receive: it gets the zero value, with ok false")
    void closeMeetsReceiver() {
        meetSpinners("receiver", c -> {
            CompletableFuture<Received<Integer>> got = new CompletableFuture<>();
            go(() -> got.complete(c.recvOk()));
            boolean spinning = awaitSpinner(c);
            c.close();
            assertEquals(Received.closed(), get(got));
            return spinning;
        });
    }

    @Test
    @DisplayName("close ends a spinning send with a panic: send on closed channel")
    void closeMeetsSender() {
        meetSpinners("sender", c -> {
            CompletableFuture<Throwable> sent = sendInBackground(c, 1);
            boolean spinning = awaitSpinner(c);
            c.close();
            Throwable t = get(sent);
            assertInstanceOf(Panic.class, t, "the send returned as if received");
            assertEquals("send on closed channel", t.getMessage());
            assertNull(c.tryRecv().value(), "the value of the failed send is not in the channel");
            return spinning;
        });
    }

    @Test
    @DisplayName("a receive takes a spinning sender's value, exactly once")
    void receiveMeetsSender() {
        meetSpinners("sender", c -> {
            CompletableFuture<Throwable> sent = sendInBackground(c, 7);
            boolean spinning = awaitSpinner(c);
            assertEquals(7, c.recv());
            assertNull(get(sent), "the send completed");
            assertNull(c.tryRecv(), "nothing more to receive");
            return spinning;
        });
    }

    @Test
    @DisplayName("a select takes a spinning sender's value, exactly once")
    void selectMeetsSender() {
        meetSpinners("sender", c -> {
            CompletableFuture<Throwable> sent = sendInBackground(c, 7);
            boolean spinning = awaitSpinner(c);
            int[] got = {0};
            select(recv(c, v -> got[0] = v), recv(chan(), v -> fail("the other channel has no sender")));
            assertEquals(7, got[0]);
            assertNull(get(sent), "the send completed");
            assertNull(c.tryRecv(), "nothing more to receive");
            return spinning;
        });
    }

    @Test
    @DisplayName("a send meets a spinning receiver without the channel's lock")
    void sendMeetsReceiverWithoutTheLock() {
        meetSpinners("receiver", c -> {
            CompletableFuture<Integer> got = new CompletableFuture<>();
            go(() -> got.complete(c.recv()));
            boolean spinning = awaitSpinnerAndLock(c);
            try {
                if (spinning) assertNull(get(sendInBackground(c, 7)), "the send completed");
            } finally {
                c.unlock();
            }
            if (!spinning) c.send(7);
            assertEquals(7, get(got));
            return spinning;
        });
    }

    @Test
    @DisplayName("a receive meets a spinning sender without the channel's lock")
    void receiveMeetsSenderWithoutTheLock() {
        meetSpinners("sender", c -> {
            CompletableFuture<Throwable> sent = sendInBackground(c, 7);
            boolean spinning = awaitSpinnerAndLock(c);
            try {
                if (spinning) {
                    CompletableFuture<Integer> got = new CompletableFuture<>();
                    go(() -> got.complete(c.recv()));
                    assertEquals(7, get(got));
                }
            } finally {
                c.unlock();
            }
            if (!spinning) assertEquals(7, c.recv());
            assertNull(get(sent), "the send completed");
            return spinning;
        });
    }

    @Test
    @DisplayName("close racing a send to a spinning receiver: the value is received, or the send panics")
    void closeRacesSendToReceiver() {
        meetSpinners("receiver", c -> {
            CompletableFuture<Received<Integer>> got = new CompletableFuture<>();
            go(() -> got.complete(c.recvOk()));
            boolean spinning = awaitSpinner(c);
            CompletableFuture<Throwable> sent = sendInBackground(c, 7);
            c.close();
            Received<Integer> r = get(got);
            Throwable t = get(sent);
            if (r.ok()) {
                assertEquals(7, r.value());
                assertNull(t, "the value was received, yet the send panicked");
            } else {
                assertInstanceOf(Panic.class, t, "the send returned, yet its value was not received");
            }
            return spinning;
        });
    }

    @Test
    @DisplayName("two sends racing to meet one spinning receiver: one meets it, the other waits, no value is lost")
    void sendsRaceForReceiver() {
        AtomicInteger found = new AtomicInteger();
        for (int i = 0; i < ROUNDS; i++) {
            Chan<Integer> c = chan();
            c.setSpins(Parker.MAX_SPINS); // long enough for the senders, which look for the spinner without pause
            // This thread is the receiver, so that the two senders have a carrier each and meet the spinner at once.
            AtomicInteger ready = new AtomicInteger();
            CompletableFuture<Throwable> one = sendOnceSpinning(c, 1, ready, found);
            CompletableFuture<Throwable> two = sendOnceSpinning(c, 2, ready, found);
            while (ready.get() < 2) Thread.onSpinWait();
            int first = c.recv();
            CompletableFuture<Integer> second = new CompletableFuture<>();
            go(() -> second.complete(c.recv()));
            assertEquals(Set.of(1, 2), Set.of(first, get(second)), "each value received once");
            assertNull(get(one), "the first send completed");
            assertNull(get(two), "the second send completed");
        }
        assertTrue(found.get() >= 2 * ENOUGH, "found a spinning receiver " + found.get() / 2 + " times only");
    }

    /**
     * Sends {@code value} on {@code c} from a new goroutine, which counts itself {@code ready} and sends as soon as
     * {@code c} has a spinner (counting it in {@code found}), or after 10 ms without one; completes with null once
     * sent, or with its panic.
     */
    private static CompletableFuture<Throwable> sendOnceSpinning(Chan<Integer> c, int value, AtomicInteger ready,
                                                                 AtomicInteger found) {
        return sendInBackground(c, value, () -> {
            ready.incrementAndGet();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
            while (!c.hasSpinner() && System.nanoTime() < deadline) Thread.onSpinWait();
            if (c.hasSpinner()) found.incrementAndGet();
        });
    }

    /**
     * Runs {@code round} on fresh, warmed-up channels up to {@value #ROUNDS} times, until {@value #ENOUGH} rounds
     * found the {@code who} spinning; fails if fewer did.
     */
    private static void meetSpinners(String who, Function<Chan<Integer>, Boolean> round) {
        int found = 0;
        for (int i = 0; i < ROUNDS && found < ENOUGH; i++) {
            if (round.apply(warmedUp())) found++;
        }
        assertTrue(found >= ENOUGH, "found a spinning " + who + " in " + found + " rounds only");
    }

    /** Sends {@code value} on {@code c} from a new goroutine; completes with null once sent, or with its panic. */
    private static CompletableFuture<Throwable> sendInBackground(Chan<Integer> c, int value) {
        return sendInBackground(c, value, () -> {});
    }

    /** {@link #sendInBackground(Chan, int)}, where the new goroutine runs {@code first} before it sends. */
    private static CompletableFuture<Throwable> sendInBackground(Chan<Integer> c, int value, Runnable first) {
        CompletableFuture<Throwable> sent = new CompletableFuture<>();
        go(() -> {
            first.run();
            try {
                c.send(value);
                sent.complete(null);
            } catch (Panic p) {
                sent.complete(p);
            }
        });
        return sent;
    }

    /**
     * A new unbuffered channel whose next waiter spins for some milliseconds: long enough for this test's thread, which
     * shares two cores with the carriers, to see it spin even when the operating system runs that thread late.
     */
    private static Chan<Integer> warmedUp() {
        Chan<Integer> c = chan();
        c.setSpins(1 << 20);
        return c;
    }

    /** Waits until {@code c} has a waiter; returns whether it was the spinner when last seen. */
    private static boolean awaitSpinner(Chan<Integer> c) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            int[] waiting = c.waiting(); // counts the spinner too
            if (waiting[0] + waiting[1] > 0) return c.hasSpinner(); // else it queued: it gave up spinning, or never spun
            Thread.onSpinWait();
        }
        throw new AssertionError("nobody came to wait on the channel");
    }

    /**
     * Waits until {@code c} has a waiter, and takes its lock; returns whether the waiter is the spinner, as seen with
     * the lock held. Held, the lock keeps the spinner spinning: it gives up only under the lock.
     */
    private static boolean awaitSpinnerAndLock(Chan<Integer> c) {
        awaitSpinner(c);
        c.lock();
        return c.hasSpinner();
    }

    private static <T> T get(CompletableFuture<T> f) {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the waiting goroutine did not finish", e);
        }
    }
}
