package dev.go4j;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Go channel: goroutines send values into it and receive them out of it, in order, each value received
 * exactly once. Go's {@code chan T}, made with {@link Go#chan()} or {@link Go#chan(int)}.
 *
 * <ul>
 *   <li><b>Unbuffered</b> ({@code cap() == 0}): a send blocks until a receiver takes the value, and a receive
 *       blocks until a sender offers one, so the two goroutines meet. This is synchronization as well as
 *       communication.
 *   <li><b>Buffered</b> ({@code cap() == n}): a send blocks only when {@code n} values are waiting; a receive
 *       blocks only when none are. Values come out in the order they went in.
 *   <li><b>Closed</b> ({@link #close()}): sending panics with "send on closed channel"; receiving drains the
 *       buffer, then returns {@code null} (Java's zero value) with {@code ok == false}, at once, forever.
 *   <li><b>Nil</b> ({@link Go#nilChan()}): every send and receive blocks forever, and a select never picks
 *       its cases. Closing it panics with "close of nil channel".
 * </ul>
 *
 * <p>Values must not be null: a receive that returns {@code null} always means "closed".
 *
 * <p>Memory effects: everything a goroutine did before sending a value happens-before the receiving goroutine
 * gets that value; for an unbuffered channel, the receive also happens-before the send completes. Closing
 * happens-before a receive that returns because the channel is closed. (These are Go's memory-model rules.)
 *
 * @param <T> the element type
 */
public final class Chan<T> extends ChanLock implements SendChan<T>, RecvChan<T> {
    /*
     * Implementation overview (it follows Go's runtime/chan.go).
     *
     * One lock (ChanLock, a word in this object) guards all mutable state. Waiting goroutines sit in two FIFO
     * queues of Waiters (WaitQueue rings, each held by a field here), and a value always goes directly from a
     * sender to a receiver when one is waiting, without touching the buffer.
     * The waiter met is claimed under the lock and woken only after it is released (see unlock), so that it
     * does not wake up into a lock still held.
     *
     * Invariants, whenever the lock is free:
     *   - at least one of sendq and recvq is empty (a waiting sender and a waiting receiver would have met);
     *   - count > 0 implies recvq is empty (a receiver would have taken a buffered value);
     *   - count < capacity implies sendq is empty (a sender would have used the room);
     *   - closed implies sendq is empty (close wakes every sender, and no send waits on a closed channel).
     * A Waiter may sit in a queue after its select was won elsewhere; whoever dequeues it sees the failed
     * compare-and-set on its Parker and skips it.
     *
     * The spinner. On an unbuffered channel, a plain send or receive that finds its own queue empty, and may spin,
     * waits first in fields of the channel (spinner, spinState ...) rather than in a queue. Its partner completes it
     * by writing only this object, and not the spinner's Waiter, which the spinner would then have to fetch back
     * from the partner's processor: a ping-pong round trip takes about 0.6 times as long. (Go's chan.go has nothing
     * like it: there, parking and waking a goroutine costs far less than a virtual thread's.) The spinner is the
     * first of its queue and counts as queued in every invariant above; one that spins in vain moves, under the
     * lock, to the head of its queue and parks there.
     *
     * Whoever meets the spinner first claims it by a compare-and-set of spinState, and only then writes the spinner's
     * fields: so a plain send or receive (with tracing off) may meet it without taking the lock at all, and a
     * meeting under the lock (a select, close, or a traced send) may lose to one. The spinner registers, and gives
     * up spinning, only under the lock, so the lock-holder's view of the queues stays whole.
     */

    private static final AtomicLong IDS = new AtomicLong();
    /** The one nil channel: its identity is what makes it nil. */
    static final Chan<?> NIL = new Chan<>("nil", 0);

    /** The buffer of every unbuffered channel: it has no slots, so all of them can share one. */
    private static final Object[] NO_BUFFER = {};

    /** Returned by {@link #recvNow()} when no value can be taken without waiting. */
    static final Object WOULD_BLOCK = new Object();
    /** Returned by {@link #recvNow()} when the channel is closed and drained. */
    static final Object CLOSED = new Object();

    static final String NULL_VALUE = "a go4j channel carries non-null values (null is what receive returns once the channel is closed)";

    /**
     * How a channel whose waiters do not spin ({@link SpinBudget#BATCH}) backs off its contended lock. Its sender and
     * receiver each have a buffer's worth of work to do without the other, and do it faster in runs, each with the
     * channel's fields in its own cache (see {@link ChanLock#ChanLock(int)}). A channel whose waiters spin does not
     * back off: there, one goroutine waits for the other, and should take the lock as soon as it is free.
     * At capacity 100, backing off up to 16 pauses made a sender and a receiver take 0.6 to 0.9 times as long as
     * looking at every pause; 8, 32 or 64 did about as well, and 256 less well.
     */
    private static final int LONGEST_PAUSE_BATCHING = 16;

    /** Orders locks when a select holds several channels' locks at once. */
    final long id = IDS.incrementAndGet();
    private final String name;
    private final int capacity;
    private final Object[] buf;           // the ring buffer of capacity slots
    private Waiter recvq;                 // receivers waiting for a value: the first of a WaitQueue ring, or null
    private Waiter sendq;                 // senders waiting for a receiver or for room: likewise
    private int recvx;                    // index of the next value to receive from buf
    private int count;                    // number of values in buf
    private boolean closed;
    private long sent;                    // values that entered so far; value number k is received k-th (FIFO)
    private Parker wakeOnUnlock;          // a waiter claimed asleep under the lock, to release once it is unlocked
    private int spins = SpinBudget.MIN;   // how long this channel's waiters spin before parking; see SpinBudget
    private Goroutine spinner;            // the goroutine that waits as the spinner, until it is met
    private Object spinnerElem;           // the value the spinner sends, or the one it receives once MET
    private volatile int spinState;       // IDLE, SENDING or RECEIVING (spinning), CLAIMED, MET or MET_CLOSED
    private boolean selected;             // a select has locked this channel: it has no spinner; see spinnerFree

    /**
     * Values of {@link #spinState}. A goroutine becomes the spinner, SENDING or RECEIVING, under the lock, and only
     * from IDLE. Its partner (or close) claims it by a compare-and-set to CLAIMED, with or without the lock, then
     * writes what it leaves and says MET (or MET_CLOSED). The spinner, once it has read what it was told, says IDLE:
     * only then may another goroutine become the spinner. A spinner that gives up goes from spinning to IDLE by a
     * compare-and-set under the lock; if that fails, it was claimed.
     */
    private static final int IDLE = 0, SENDING = 1, RECEIVING = 2, CLAIMED = 3, MET = 4, MET_CLOSED = 5;
    /** What {@link #sendOrEnqueue} and {@link #recvOrEnqueue} return when the caller became the spinner. */
    private static final Object SPIN = new Object();
    private static final VarHandle SPIN_STATE;
    static {
        try {
            SPIN_STATE = MethodHandles.lookup().findVarHandle(Chan.class, "spinState", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    Chan(String name, int capacity) {
        super(capacity >= SpinBudget.BATCH ? LONGEST_PAUSE_BATCHING : 1);
        if (capacity < 0) throw new IllegalArgumentException("makechan: size out of range (capacity " + capacity + " < 0)");
        this.name = name;
        this.capacity = capacity;
        this.buf = capacity == 0 ? NO_BUFFER : new Object[capacity];
    }

    boolean isNil() {
        return this == NIL;
    }

    /** The name given when the channel was made, or null. Names appear in deadlock reports and traces. */
    public String name() {
        return name;
    }

    // ---- send ---------------------------------------------------------------------------------------------

    @Override
    public void send(T value) {
        Objects.requireNonNull(value, NULL_VALUE);
        if (claimSpinnerUnlocked(RECEIVING)) {
            meetSpinner(value, MET);
            return;
        }
        // The goroutine parks in this frame, not in a helper's: a parked goroutine's frames are copied to the heap,
        // so each frame on the way to the park adds to the weight of every waiting goroutine.
        Object waiting = sendOrEnqueue(value);
        if (waiting == null) return;
        int budget = spins();
        if (waiting == SPIN) {
            waiting = spinToSend(value, budget);
            if (waiting == null) return;
            budget = 0; // it has spun already
        }
        Waiter w = (Waiter) waiting;
        if (Waiter.closedIn(waited(w, budget, w.parker.await("chan send", this, budget)))) {
            throw new Panic("send on closed channel");
        }
    }

    /**
     * Sends without waiting if possible (returns null). Else the calling goroutine waits: as the spinner (returns
     * {@link #SPIN}), or in the send queue (returns its {@link Waiter}).
     */
    private Object sendOrEnqueue(T value) {
        if (isNil()) Parker.blockForever("chan send (nil chan)", this);
        lock();
        try {
            if (sendNow(value)) return null;
            Goroutine g = Goroutine.current();
            if (sendq == null && spinnerFree(g)) {
                becomeSpinner(g, true, value);
                return SPIN;
            }
            Waiter w = Waiter.sending(value);
            sendq = WaitQueue.add(sendq, w);
            return w;
        } finally {
            unlock();
        }
    }

    /**
     * Waits as the spinner to send {@code value}, spinning up to {@code budget} times: returns null once a receiver
     * took it, or, if none came, the waiter that the calling goroutine now has first in the send queue.
     *
     * @throws Panic if the channel was closed meanwhile
     */
    private Waiter spinToSend(T value, int budget) {
        Waiter w = spinOrQueue(budget, value);
        if (w != null) return w;
        letWakerRecord();
        boolean closedOnIt = spinState == MET_CLOSED;
        SPIN_STATE.setRelease(this, IDLE);
        if (closedOnIt) throw new Panic("send on closed channel");
        return null;
    }

    @Override
    public boolean trySend(T value) {
        Objects.requireNonNull(value, NULL_VALUE);
        if (isNil()) return false;
        lock();
        try {
            return sendNow(value);
        } finally {
            unlock();
        }
    }

    /**
     * Sends without waiting if possible: to a waiting receiver, else into the buffer. The lock must be held.
     *
     * @return false if the send would have to wait
     * @throws Panic if the channel is closed
     */
    boolean sendNow(Object value) {
        if (closed) throw new Panic("send on closed channel");
        if (claimSpinner(RECEIVING)) {
            Goroutine receiver = meetSpinner(value, MET);
            long seq = sent++;
            if (Tracing.on) traceHandoff(Goroutine.peek(), receiver, value, seq);
            return true;
        }
        for (Waiter r; (r = pollReceiver()) != null; ) {
            r.elem = value; // written before the wake that publishes it; unread if the wake fails
            int claimed = r.parker.claim(r.outcome(false));
            if (claimed != Parker.LOST) {
                if (claimed == Parker.WON_ASLEEP) wakeOnUnlock = r.parker;
                long seq = sent++;
                if (Tracing.on) traceHandoff(Goroutine.peek(), r.parker.goroutine(), value, seq);
                return true;
            }
            r.elem = null;
        }
        if (count < capacity) {
            buf[wrap(recvx + count)] = value;
            count++;
            long seq = sent++;
            if (Tracing.on) Tracing.sent(Goroutine.peek(), this, value, seq);
            return true;
        }
        return false;
    }

    /** Puts {@code w}, a waiting sender, in the send queue. The lock must be held. */
    void enqueueSender(Waiter w) {
        sendq = WaitQueue.add(sendq, w);
    }

    // ---- receive ------------------------------------------------------------------------------------------

    @Override
    @SuppressWarnings("unchecked")
    public T recv() {
        if (claimSpinnerUnlocked(SENDING)) return (T) takeFromSpinner();
        Object v = recvOrEnqueue();
        int budget = spins();
        if (v == SPIN) {
            v = spinToReceive(budget);
            budget = 0; // it has spun already
        }
        if (v instanceof Waiter w) {
            v = received(w, budget, w.parker.await("chan receive", this, budget)); // parked here: see send
        }
        return v == CLOSED ? null : (T) v;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Received<T> recvOk() {
        Object v = receive();
        return v == CLOSED ? Received.closed() : new Received<>((T) v, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Received<T> tryRecv() {
        if (isNil()) return null;
        Object v;
        lock();
        try {
            v = recvNow();
        } finally {
            unlock();
        }
        if (v == WOULD_BLOCK) return null;
        return v == CLOSED ? Received.closed() : new Received<>((T) v, true);
    }

    /** Receives, waiting if need be; returns the value or {@link #CLOSED}. */
    private Object receive() {
        if (claimSpinnerUnlocked(SENDING)) return takeFromSpinner();
        Object v = recvOrEnqueue();
        int budget = spins();
        if (v == SPIN) {
            v = spinToReceive(budget);
            budget = 0;
        }
        if (!(v instanceof Waiter w)) return v;
        return received(w, budget, w.parker.await("chan receive", this, budget));
    }

    /**
     * Receives without waiting if possible. Else the calling goroutine waits: as the spinner, or in the receive queue.
     *
     * @return the value, {@link #CLOSED}, {@link #SPIN}, or the queued {@link Waiter} (never a value: the classes are
     *         go4j's own)
     */
    private Object recvOrEnqueue() {
        if (isNil()) Parker.blockForever("chan receive (nil chan)", this);
        lock();
        try {
            Object v = recvNow();
            if (v != WOULD_BLOCK) return v;
            Goroutine g = Goroutine.current();
            if (recvq == null && spinnerFree(g)) {
                becomeSpinner(g, false, null);
                return SPIN;
            }
            Waiter w = Waiter.receiving();
            recvq = WaitQueue.add(recvq, w);
            return w;
        } finally {
            unlock();
        }
    }

    /**
     * Waits as the spinner to receive, spinning up to {@code budget} times: returns the value or {@link #CLOSED}, or,
     * if no sender came, the waiter that the calling goroutine now has first in the receive queue.
     */
    private Object spinToReceive(int budget) {
        Waiter w = spinOrQueue(budget, null);
        if (w != null) return w;
        letWakerRecord();
        Object v = spinState == MET_CLOSED ? CLOSED : spinnerElem;
        spinnerElem = null;
        SPIN_STATE.setRelease(this, IDLE);
        return v;
    }

    /**
     * What the receiver {@code w} got from a wait that spun up to {@code budget} times and ended with
     * {@code outcome}: the value, or {@link #CLOSED}.
     */
    private Object received(Waiter w, int budget, int outcome) {
        Object v = w.elem; // written before the outcome that ended the wait
        return Waiter.closedIn(waited(w, budget, outcome)) ? CLOSED : v;
    }

    /**
     * Receives without waiting if possible. The lock must be held.
     *
     * @return the value, {@link #CLOSED} if the channel is closed and drained, or {@link #WOULD_BLOCK}
     */
    Object recvNow() {
        if (claimSpinner(SENDING)) {
            Object offered = spinnerElem;
            return took(offered, meetSpinner(null, MET));
        }
        for (Waiter s; (s = pollSender()) != null; ) {
            Object offered = s.elem; // read first: a sender still spinning may return, and send again, once claimed
            int claimed = s.parker.claim(s.outcome(false));
            if (claimed == Parker.LOST) continue;
            if (claimed == Parker.WON_ASLEEP) wakeOnUnlock = s.parker;
            return took(offered, s.parker.goroutine());
        }
        if (count > 0) {
            Object head = buf[recvx];
            if (Tracing.on) Tracing.received(Goroutine.peek(), this, head, sent - count);
            buf[recvx] = null;
            recvx = wrap(recvx + 1);
            count--;
            return head;
        }
        if (closed) {
            if (Tracing.on) Tracing.receivedClosed(Goroutine.peek(), this);
            return CLOSED;
        }
        return WOULD_BLOCK;
    }

    /**
     * Takes {@code offered} from {@code sender}, a waiting sender already claimed: it is the value received if the
     * channel is unbuffered; else the buffer is full, and the value received is the buffer's head, while the
     * sender's goes to its tail. The lock must be held.
     */
    private Object took(Object offered, Goroutine sender) {
        if (capacity == 0) {
            long seq = sent++;
            if (Tracing.on) traceHandoff(sender, Goroutine.peek(), offered, seq);
            return offered;
        }
        Object head = buf[recvx];
        if (Tracing.on) Tracing.received(Goroutine.peek(), this, head, sent - count);
        buf[recvx] = offered;
        recvx = wrap(recvx + 1);
        long seq = sent++;
        if (Tracing.on) Tracing.sent(sender, this, offered, seq);
        return head;
    }

    /** An index into buf, for {@code i < 2 * capacity}: a subtraction, cheaper than {@code %} on this hot path. */
    private int wrap(int i) {
        return i >= capacity ? i - capacity : i;
    }

    /**
     * How long waiters on this channel spin before parking; a select uses the largest among its channels. Not at all
     * on a channel with a buffer of {@link SpinBudget#BATCH} or more: see there.
     */
    int spins() {
        return capacity >= SpinBudget.BATCH ? 0 : spins;
    }

    /**
     * Learns from {@code wait}, a wait on this channel that ended, and could spin up to {@code budget} times:
     * whether the waiter had to park ({@link SpinBudget}). The caller passes the budget it read before waiting, so
     * that a wait answered at the full budget does not touch the channel again: its partner is likely writing it.
     */
    void learnSpins(int budget, Parker wait) {
        if (wait.couldSpin()) learnSpins(budget, wait.slept()); // a wait that could not spin says nothing about spinning
    }

    private void learnSpins(int budget, boolean parked) {
        if (budget == 0) return;
        int next = SpinBudget.next(budget, parked);
        if (next != budget) spins = next;
    }

    /**
     * Whether the calling goroutine {@code g}, about to wait, may do so as the spinner: the channel is unbuffered,
     * nobody else is the spinner, this channel's waiters spin, and {@code g}'s program is not
     * {@link Program#crowded() crowded}. The caller has checked that its own queue is empty. The lock must be held.
     *
     * <p>Nor on a channel that a select has used: a select locks the channels of all its cases, each time, including
     * those it does not take from, and so takes the spinner's line away from it on every call. With spinners, a
     * select over two channels fed by two senders took 1.25 times as long.
     */
    private boolean spinnerFree(Goroutine g) {
        // The count of running goroutines that crowded() reads changes at every park and wake-up of a crowded program,
        // where reading it costs a cache miss, paid here under the lock. A goroutine whose last queued wait could not
        // spin (its program was crowded, or it had just spun in vain as the spinner) does not look, nor at this
        // channel's fields: in a crowded program, they are one more cache line to fetch at each wait.
        Waiter last = g.plainWaiter;
        if (last != null && !last.couldSpin()) return false;
        return capacity == 0 && !selected && spins > 0 && !g.program.crowded() && spinState == IDLE;
    }

    /** Makes {@code g} the spinner, sending {@code value} or receiving. The lock must be held. */
    private void becomeSpinner(Goroutine g, boolean sends, Object value) {
        spinner = g;
        spinnerElem = value;
        SPIN_STATE.setRelease(this, sends ? SENDING : RECEIVING); // a partner may read it without the lock
    }

    /**
     * Claims the spinner, if there is one that is {@code spinning} ({@link #SENDING} or {@link #RECEIVING}): then the
     * caller, and nobody else, must {@link #meetSpinner meet} it. The lock must be held.
     */
    private boolean claimSpinner(int spinning) {
        return claimSpinner(spinning, true);
    }

    /**
     * {@link #claimSpinner}, for a plain send or receive that has not taken the lock (see the overview): not while
     * tracing, whose records of a hand-off are made under the lock.
     */
    private boolean claimSpinnerUnlocked(int spinning) {
        return claimSpinner(spinning, false);
    }

    /**
     * A buffered channel never has a spinner, and does not read {@link #spinState} at all: reading it made capacity 1
     * slower. Tracing is looked at last, and only by a claim without the lock, for the same reason.
     */
    private boolean claimSpinner(int spinning, boolean locked) {
        return capacity == 0 && spinState == spinning && (locked || !Tracing.on)
                && SPIN_STATE.compareAndSet(this, spinning, CLAIMED);
    }

    /** Meets a spinning sender claimed by this goroutine, without the lock, and returns the value it sends. */
    private Object takeFromSpinner() {
        Object v = spinnerElem;
        meetSpinner(null, MET);
        return v;
    }

    /**
     * Ends the wait of the spinner that the caller {@link #claimSpinner claimed}, telling it {@code how}
     * ({@link #MET} or {@link #MET_CLOSED}) and leaving it {@code elem}: what it receives, or null. Returns the
     * spinner.
     */
    private Goroutine meetSpinner(Object elem, int how) {
        Goroutine g = spinner;
        spinner = null;
        spinnerElem = elem;
        SPIN_STATE.setRelease(this, how);
        return g;
    }

    /**
     * The spinner's wait, spinning up to {@code budget} times: returns null once a partner or close met it, and then
     * {@link #spinState} says how; else the spinner's waiter, which it has moved to the head of its queue, to park
     * there. {@code value} is what the spinner sends, if it sends.
     */
    private Waiter spinOrQueue(int budget, Object value) {
        int spinning = value != null ? SENDING : RECEIVING;
        if (spin(budget, spinning) != spinning) return null;
        lock();
        try {
            if (SPIN_STATE.compareAndSet(this, spinning, IDLE)) {
                spinner = null;
                spinnerElem = null;
                if (value != null) return sendq = WaitQueue.addFirst(sendq, Waiter.sending(value));
                return recvq = WaitQueue.addFirst(recvq, Waiter.receiving());
            }
        } finally {
            unlock();
        }
        awaitMet(); // claimed meanwhile
        return null;
    }

    /**
     * The spinner's wait: spins until a partner or close meets it, up to {@code budget} times, and returns
     * {@link #MET} or {@link #MET_CLOSED}, or {@code spinning} ({@link #SENDING} or {@link #RECEIVING}) if nobody
     * came. Like {@link Parker#await(String, Object, int)}, it first yields to a goroutine it woke that has not run
     * yet.
     */
    private int spin(int budget, int spinning) {
        if (Goroutine.current().wokenOneQueued() && spinState == spinning) Thread.yield();
        for (int i = 0; i < budget; i++) {
            if (spinState != spinning) {
                learnSpins(budget, false);
                return awaitMet();
            }
            Thread.onSpinWait();
        }
        learnSpins(budget, true);
        return spinning;
    }

    /**
     * Waits, as the spinner, until the partner that claimed it has said {@link #MET} or {@link #MET_CLOSED}, and
     * returns which. The partner has only a few writes left to make, but its carrier may lose its processor.
     */
    private int awaitMet() {
        for (int i = 0; ; i++) {
            int s = spinState;
            if (s != CLAIMED) return s;
            if (i < Parker.SPINS) Thread.onSpinWait();
            else Thread.yield();
        }
    }

    /** Puts {@code w}, a waiting receiver, in the receive queue. The lock must be held. */
    void enqueueReceiver(Waiter w) {
        recvq = WaitQueue.add(recvq, w);
    }

    /** Removes {@code w} from whichever of this channel's queues still holds it. The lock must be held. */
    private void removeLocked(Waiter w) {
        if (!WaitQueue.holds(w)) return;
        if (w.sends) sendq = WaitQueue.remove(sendq, w);
        else recvq = WaitQueue.remove(recvq, w);
    }

    /** Takes the first waiting receiver out of its queue, or returns null. The lock must be held. */
    private Waiter pollReceiver() {
        Waiter r = recvq;
        if (r != null) recvq = WaitQueue.remove(r, r);
        return r;
    }

    /** Takes the first waiting sender out of its queue, or returns null. The lock must be held. */
    private Waiter pollSender() {
        Waiter s = sendq;
        if (s != null) sendq = WaitQueue.remove(s, s);
        return s;
    }

    /** Removes {@code w} from whichever of this channel's queues still holds it. */
    void dequeue(Waiter w) {
        lock();
        try {
            removeLocked(w);
        } finally {
            unlock();
        }
    }

    /**
     * Ends the wait of {@code w}, queued by this goroutine, that spun up to {@code budget} times and ended with
     * {@code outcome}: learns from it how long to spin, clears its value (read a received one first), and if it
     * failed (an interrupt, a deadlock), takes {@code w} out of its queue and throws.
     *
     * @return the outcome, non-negative
     */
    private int waited(Waiter w, int budget, int outcome) {
        learnSpins(budget, w.parker);
        if (outcome < 0) dequeue(w);
        w.elem = null; // the goroutine's waiter outlives the operation: it must not keep the value alive
        if (outcome < 0) throw w.parker.failure(outcome);
        letWakerRecord();
        return outcome;
    }

    /**
     * While tracing, waits until the goroutine that ended the caller's wait on this channel has unlocked it. That
     * goroutine records the operation under the lock, after it ends the wait; the caller, going on at once, could
     * end the traced program first, and a record made after the end is dropped.
     */
    void letWakerRecord() {
        if (Tracing.on) {
            lock();
            unlock();
        }
    }

    /** Records value number {@code seq} going straight from {@code sender} to {@code receiver}. */
    private void traceHandoff(Goroutine sender, Goroutine receiver, Object value, long seq) {
        Tracing.sent(sender, this, value, seq);
        Tracing.received(receiver, this, value, seq);
    }

    /** How traces name this channel: its name, or its number. */
    String traceLabel() {
        return name != null ? name : "chan#" + id;
    }

    // ---- close, len, cap ----------------------------------------------------------------------------------

    @Override
    public void close() {
        if (isNil()) throw new Panic("close of nil channel");
        lock();
        try {
            if (closed) throw new Panic("close of closed channel");
            closed = true;
            if (Tracing.on) Tracing.closed(this);
            boolean receiving = claimSpinner(RECEIVING);
            if (receiving || claimSpinner(SENDING)) {
                Goroutine g = meetSpinner(null, MET_CLOSED); // a receiver receives the zero value; a sender panics
                if (Tracing.on && receiving) Tracing.receivedClosed(g, this);
            }
            for (Waiter r; (r = pollReceiver()) != null; ) {
                r.elem = null;
                int claimed = r.parker.claim(r.outcome(true));
                if (claimed == Parker.LOST) continue;
                // recorded before the receiver runs: once it runs, it may end the traced program
                if (Tracing.on) Tracing.receivedClosed(r.parker.goroutine(), this);
                if (claimed == Parker.WON_ASLEEP) r.parker.release();
            }
            for (Waiter s; (s = pollSender()) != null; ) {
                s.parker.wake(s.outcome(true)); // the sender panics
            }
        } finally {
            unlock();
        }
    }

    @Override
    public int len() {
        if (isNil()) return 0;
        lock();
        try {
            return count;
        } finally {
            unlock();
        }
    }

    @Override
    public int cap() {
        return capacity;
    }

    // ---- range --------------------------------------------------------------------------------------------

    /**
     * Go's {@code for v := range c}: each {@code hasNext()} waits for the next value and returns false once the
     * channel is closed and drained. On a nil channel it blocks forever.
     */
    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Object next; // a received value not yet returned, CLOSED, or null for none

            @Override
            public boolean hasNext() {
                if (next == null) next = receive();
                return next != CLOSED;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (!hasNext()) throw new NoSuchElementException("channel closed");
                T v = (T) next;
                next = null;
                return v;
            }
        };
    }

    /** How many goroutines wait to send, and to receive, on this channel: for diagnostics and tests. */
    int[] waiting() {
        lock();
        try {
            int s = spinState;
            return new int[] {WaitQueue.size(sendq) + (s == SENDING ? 1 : 0), WaitQueue.size(recvq) + (s == RECEIVING ? 1 : 0)};
        } finally {
            unlock();
        }
    }

    /** Sets how long this channel's waiters spin, as if learned: for tests, which need spinners to meet. */
    void setSpins(int budget) {
        spins = budget;
    }

    /** Whether a goroutine waits as this channel's spinner, and nobody has claimed it yet: for tests. No lock. */
    boolean hasSpinner() {
        int s = spinState;
        return s == SENDING || s == RECEIVING;
    }

    // ---- locking ------------------------------------------------------------------------------------------

    /** Locks the channel for a select, which holds the locks of all its channels at once. */
    void lockForSelect() {
        lock();
        if (!selected) selected = true;
    }

    /** Unlocks, then lets the waiter that this critical section claimed (at most one) run. */
    void unlock() {
        Parker p = wakeOnUnlock;
        if (p == null) {
            releaseLock();
        } else {
            wakeOnUnlock = null;
            releaseLock();
            p.release();
        }
    }

    @Override
    public String toString() {
        if (isNil()) return "chan(nil)";
        int n;
        boolean c;
        lock();
        try {
            n = count;
            c = closed;
        } finally {
            unlock();
        }
        StringBuilder sb = new StringBuilder("chan");
        if (name != null) sb.append(' ').append('"').append(name).append('"');
        sb.append('(');
        if (capacity > 0) sb.append(n).append('/').append(capacity).append(" buffered");
        else sb.append("unbuffered");
        if (c) sb.append(", closed");
        return sb.append(')').toString();
    }
}
