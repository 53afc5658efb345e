package dev.go4j;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Go's concurrency toolbox, one static import away: {@code import static dev.go4j.Go.*;}
 *
 * <pre>{@code
 * Chan<String> c = chan();
 * go(() -> c.send("ping"));
 * println(c.recv());                       // ping
 *
 * select(
 *     recv(c, msg -> println(msg)),
 *     timeout(seconds(1), () -> println("too slow")));
 * }</pre>
 *
 * <table>
 *   <caption>Go and go4j side by side</caption>
 *   <tr><th>Go</th><th>go4j</th></tr>
 *   <tr><td>{@code go f()}</td><td>{@code go(() -> f())}</td></tr>
 *   <tr><td>{@code make(chan T)}, {@code make(chan T, n)}</td><td>{@code chan()}, {@code chan(n)}</td></tr>
 *   <tr><td>{@code c <- v}, {@code v := <-c}, {@code v, ok := <-c}</td><td>{@code c.send(v)}, {@code c.recv()}, {@code c.recvOk()}</td></tr>
 *   <tr><td>{@code close(c)}, {@code len(c)}, {@code cap(c)}</td><td>{@code close(c)}, {@code len(c)}, {@code cap(c)}</td></tr>
 *   <tr><td>{@code for v := range c}</td><td>{@code for (var v : c)}</td></tr>
 *   <tr><td>{@code chan<- T}, {@code <-chan T}</td><td>{@link SendChan}, {@link RecvChan}</td></tr>
 *   <tr><td>{@code select { case v := <-c: ... case d <- x: ... default: ... }}</td>
 *       <td>{@code select(recv(c, v -> ...), send(d, x, () -> ...), defaultCase(() -> ...))}</td></tr>
 *   <tr><td>{@code time.Sleep}, {@code time.After}, {@code time.Tick}</td><td>{@code sleep}, {@code after}, {@code tick}</td></tr>
 *   <tr><td>{@code sync.WaitGroup}, {@code sync.Mutex}, {@code sync.RWMutex}, {@code sync.Once}</td>
 *       <td>{@link WaitGroup}, {@link Mutex}, {@link RWMutex}, {@link Once}</td></tr>
 *   <tr><td>{@code context.Background()}, {@code WithCancel}, {@code WithTimeout}</td>
 *       <td>{@code background()}, {@code withCancel}, {@code withTimeout}</td></tr>
 *   <tr><td>{@code errgroup.WithContext(ctx)}</td><td>{@code errGroup(ctx)}</td></tr>
 *   <tr><td>{@code panic(v)}</td><td>{@code panic(v)}, which throws {@link Panic}</td></tr>
 * </table>
 *
 * <p>Atomics: Java's {@code java.util.concurrent.atomic} classes already match Go's {@code sync/atomic}
 * ({@code AtomicInteger.addAndGet} is {@code atomic.AddInt32}, {@code compareAndSet} is
 * {@code CompareAndSwap}, {@code AtomicReference} is {@code atomic.Pointer}), so go4j adds none.
 */
public final class Go {
    private Go() {}

    // ---- goroutines ---------------------------------------------------------------------------------------

    /**
     * Runs {@code body} in a new goroutine, a virtual thread: Go's {@code go f()}. The caller does not wait.
     * If the body throws, the goroutine ends and the exception is reported as Go reports a panic.
     */
    public static void go(Task body) {
        Goroutine.start(null, Objects.requireNonNull(body, "body"));
    }

    /** Runs {@code body} in a new goroutine with a name, which shows in diagnostics and thread dumps. */
    public static void go(String name, Task body) {
        Goroutine.start(Objects.requireNonNull(name, "name"), Objects.requireNonNull(body, "body"));
    }

    // ---- the scheduler ------------------------------------------------------------------------------------

    /**
     * Sets how many carrier threads may run goroutines at the same time and returns the previous setting, like
     * Go's {@code runtime.GOMAXPROCS(n)}; {@code gomaxprocs(0)} only returns it. Goroutines are virtual threads,
     * and the carriers are the JVM's scheduler threads: by default one per core, and at least two, because the JVM
     * does not preempt a goroutine that never blocks, as Go does (on one carrier it would stop all the others).
     *
     * @throws UnsupportedOperationException if the JVM does not allow it (see the message for the option)
     */
    public static int gomaxprocs(int n) {
        return n == 0 ? Carriers.parallelism() : Carriers.setParallelism(n);
    }

    /** How many goroutines of the current program exist now: Go's {@code runtime.NumGoroutine()}. */
    public static int numGoroutine() {
        return Goroutine.current().program.size();
    }

    /** The carrier thread that runs the calling goroutine right now (e.g. {@code ForkJoinPool-1-worker-2}). */
    public static String carrier() {
        return Carriers.current();
    }

    /** Lets other goroutines run before this one continues: Go's {@code runtime.Gosched()}. */
    public static void gosched() {
        Thread.yield();
    }

    // ---- programs ---------------------------------------------------------------------------------------

    /**
     * Runs {@code main} as a Go program: when it returns, the program ends and its goroutines stop, printing
     * nothing more. A deadlock, a goroutine's panic, or running past the time limit
     * ({@link Program#defaultTimeLimit()}) ends it with a clear error; goroutines left blocked are reported
     * on {@code System.err} as leaks. See {@link Program}.
     *
     * @throws DeadlockError     "fatal error: all goroutines are asleep - deadlock!", with who waits on what
     * @throws GoroutinePanic    if a goroutine threw
     * @throws TimeLimitExceeded if the program ran too long, with what every goroutine was doing
     */
    public static void run(Task main) {
        run(Program.defaultTimeLimit(), main);
    }

    /** Like {@link #run(Task)}, with a time limit for this program. */
    public static void run(Duration limit, Task main) {
        Program.Result r = Program.run(limit, main);
        if (!r.clean()) {
            System.err.print(r.report());
            System.err.flush();
        }
    }

    /**
     * Runs {@code main} as a program, like {@link #run(Task)}, and records what its goroutines do: starts and
     * ends, sends and receives, closes, select choices, blocked time. The trace draws itself as a timeline
     * ({@link Trace#svg()}); if the program fails (a deadlock, a panic), the trace keeps the failure instead
     * of throwing it.
     */
    public static Trace trace(Task main) {
        return Trace.record(Program.defaultTimeLimit(), main);
    }

    // ---- channels -----------------------------------------------------------------------------------------

    /** A new unbuffered channel: Go's {@code make(chan T)}. */
    public static <T> Chan<T> chan() {
        return new Chan<>(null, 0);
    }

    /**
     * A new channel with room for {@code capacity} values: Go's {@code make(chan T, capacity)}.
     *
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    public static <T> Chan<T> chan(int capacity) {
        return new Chan<>(null, capacity);
    }

    /** A new unbuffered channel with a name, which shows in diagnostics. */
    public static <T> Chan<T> chan(String name) {
        return new Chan<>(Objects.requireNonNull(name, "name"), 0);
    }

    /** A new buffered channel with a name, which shows in diagnostics. */
    public static <T> Chan<T> chan(String name, int capacity) {
        return new Chan<>(Objects.requireNonNull(name, "name"), capacity);
    }

    /**
     * The nil channel: Go's zero value {@code var c chan T}. Sending and receiving block forever, select never
     * picks it, closing it panics. In select cases a {@code null} channel means the same.
     */
    @SuppressWarnings("unchecked")
    public static <T> Chan<T> nilChan() {
        return (Chan<T>) Chan.NIL;
    }

    /**
     * Closes a channel: Go's {@code close(c)}.
     *
     * @throws Panic "close of nil channel" if {@code c} is null or nil, "close of closed channel" if closed
     */
    public static void close(SendChan<?> c) {
        if (c == null) throw new Panic("close of nil channel");
        c.close();
    }

    /** Go's {@code len(c)}: values buffered in {@code c}; 0 for null (nil). */
    public static int len(Chan<?> c) {
        return c == null ? 0 : c.len();
    }

    /** Go's {@code len(c)}: values buffered in {@code c}; 0 for null (nil). */
    public static int len(SendChan<?> c) {
        return c == null ? 0 : c.len();
    }

    /** Go's {@code len(c)}: values buffered in {@code c}; 0 for null (nil). */
    public static int len(RecvChan<?> c) {
        return c == null ? 0 : c.len();
    }

    /** Go's {@code cap(c)}: the buffer size of {@code c}; 0 for null (nil). */
    public static int cap(Chan<?> c) {
        return c == null ? 0 : c.cap();
    }

    /** Go's {@code cap(c)}: the buffer size of {@code c}; 0 for null (nil). */
    public static int cap(SendChan<?> c) {
        return c == null ? 0 : c.cap();
    }

    /** Go's {@code cap(c)}: the buffer size of {@code c}; 0 for null (nil). */
    public static int cap(RecvChan<?> c) {
        return c == null ? 0 : c.cap();
    }

    // ---- select -------------------------------------------------------------------------------------------

    /**
     * Go's {@code select}: blocks until one of the cases can proceed, does it, runs its body, and returns its
     * position in the argument list. When several cases are ready, one is chosen uniformly at random. Exactly
     * one case happens; the others leave no trace (nothing received, nothing sent). A default case makes the
     * select never block. Cases on nil (or null) channels never proceed; with no case that can proceed and no
     * default, select blocks forever, like Go's {@code select {}}.
     *
     * @return the index of the case that was chosen
     * @throws Panic                         "send on closed channel" if a send case's channel is closed when
     *                                       polled or closes while the select waits
     * @throws IllegalArgumentException      if there is more than one default case, or more than 65 536 cases
     *                                       (Go's limit)
     * @throws UncheckedInterruptedException if interrupted while blocked; then no case happened
     */
    public static int select(Case... cases) {
        return Select.select(cases);
    }

    /** A receive case: Go's {@code case v := <-c:}. The body gets the value, or null if {@code c} is closed. */
    public static <T> Case recv(RecvChan<T> c, Consumer<? super T> body) {
        Objects.requireNonNull(body, "body");
        return Case.recv(c, r -> body.accept(r.value()));
    }

    /** A receive case that drops the value: Go's {@code case <-c:}. */
    public static <T> Case recv(RecvChan<T> c) {
        return Case.recv(c, r -> {});
    }

    /** A receive case that tells a value from a close: Go's {@code case v, ok := <-c:}. */
    public static <T> Case recvOk(RecvChan<T> c, Consumer<Received<T>> body) {
        return Case.recv(c, body);
    }

    /** A send case: Go's {@code case c <- value:}, running {@code body} after the send. */
    public static <T> Case send(SendChan<T> c, T value, Runnable body) {
        return Case.send(c, value, body);
    }

    /** A send case with no body: Go's {@code case c <- value:}. */
    public static <T> Case send(SendChan<T> c, T value) {
        return Case.send(c, value, () -> {});
    }

    /**
     * A case that happens when {@code d} has passed since the select started: Go's
     * {@code case <-time.After(d):}. Its timer is stopped when the select ends.
     */
    public static Case timeout(Duration d, Runnable body) {
        return Case.timeout(d, body);
    }

    /** The default case: Go's {@code default:}. It runs when no other case is ready, so the select never blocks. */
    public static Case defaultCase(Runnable body) {
        return Case.otherwise(body);
    }

    /** A default case with no body: Go's empty {@code default:}. */
    public static Case defaultCase() {
        return Case.otherwise(() -> {});
    }

    // ---- time ---------------------------------------------------------------------------------------------

    /**
     * Pauses the current goroutine for {@code d}: Go's {@code time.Sleep(d)}. Zero or negative returns at once.
     *
     * @throws UncheckedInterruptedException if interrupted while sleeping
     */
    public static void sleep(Duration d) {
        Objects.requireNonNull(d, "duration");
        if (d.isNegative() || d.isZero()) return;
        Goroutine g = Goroutine.current();
        g.sleeping(d);
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            throw new UncheckedInterruptedException(e);
        } finally {
            g.awake();
        }
    }

    /** A channel that receives the time once, after {@code d}: Go's {@code time.After(d)}. */
    public static RecvChan<Instant> after(Duration d) {
        return newTimer(d).C;
    }

    /**
     * A channel that receives the time every {@code d}, forever: Go's {@code time.Tick(d)}.
     *
     * @throws IllegalArgumentException if {@code d} is not positive
     */
    public static RecvChan<Instant> tick(Duration d) {
        return newTicker(d).C;
    }

    /** A timer that sends the time on its channel after {@code d}: Go's {@code time.NewTimer(d)}. */
    public static Timer newTimer(Duration d) {
        return Timer.start(d);
    }

    /** A timer that runs {@code f} in its own goroutine after {@code d}: Go's {@code time.AfterFunc(d, f)}. */
    public static Timer afterFunc(Duration d, Task f) {
        return Timer.startFunc(d, f);
    }

    /**
     * A ticker that sends the time on its channel every {@code d}: Go's {@code time.NewTicker(d)}.
     *
     * @throws IllegalArgumentException if {@code d} is not positive
     */
    public static Ticker newTicker(Duration d) {
        return new Ticker(Objects.requireNonNull(d, "duration"));
    }

    /** {@code n} nanoseconds: Go's {@code n * time.Nanosecond}. */
    public static Duration nanos(long n) {
        return Duration.ofNanos(n);
    }

    /** {@code n} microseconds: Go's {@code n * time.Microsecond}. */
    public static Duration micros(long n) {
        return Duration.of(n, ChronoUnit.MICROS);
    }

    /** {@code n} milliseconds: Go's {@code n * time.Millisecond}. */
    public static Duration millis(long n) {
        return Duration.ofMillis(n);
    }

    /** {@code n} seconds: Go's {@code n * time.Second}. */
    public static Duration seconds(long n) {
        return Duration.ofSeconds(n);
    }

    // ---- context and errgroup -----------------------------------------------------------------------------

    /** The root context, never done: Go's {@code context.Background()}. */
    public static Context background() {
        return Background.INSTANCE;
    }

    /** A context cancelled by its {@code cancel()} or with its parent: Go's {@code context.WithCancel(parent)}. */
    public static CancelContext withCancel(Context parent) {
        return new CancelContext(Objects.requireNonNull(parent, "cannot create context from nil parent"), null).start();
    }

    /**
     * A context that is done at {@code deadline} (or earlier, if cancelled or its parent is done): Go's
     * {@code context.WithDeadline(parent, d)}.
     */
    public static CancelContext withDeadline(Context parent, Instant deadline) {
        Objects.requireNonNull(parent, "cannot create context from nil parent");
        Objects.requireNonNull(deadline, "deadline");
        if (parent.deadline().filter(p -> p.isBefore(deadline)).isPresent()) return withCancel(parent); // parent ends first
        return new CancelContext(parent, deadline).start();
    }

    /** A context that is done after {@code timeout}: Go's {@code context.WithTimeout(parent, timeout)}. */
    public static CancelContext withTimeout(Context parent, Duration timeout) {
        return withDeadline(parent, Instant.now().plus(Objects.requireNonNull(timeout, "timeout")));
    }

    /** A context that carries {@code value} for {@code key}: Go's {@code context.WithValue(parent, key, value)}. */
    public static Context withValue(Context parent, Object key, Object value) {
        return new ValueContext(parent, key, value);
    }

    /** A group of goroutines that collects the first error: Go's {@code new(errgroup.Group)}. */
    public static ErrGroup errGroup() {
        return new ErrGroup(null);
    }

    /**
     * A group whose {@link ErrGroup#ctx() context}, derived from {@code parent}, is cancelled by the first error:
     * Go's {@code errgroup.WithContext(parent)}.
     */
    public static ErrGroup errGroup(Context parent) {
        return new ErrGroup(withCancel(parent));
    }

    // ---- panics and printing ------------------------------------------------------------------------------

    /** Throws a {@link Panic} with {@code value}: Go's {@code panic(value)}; {@code panic(null)} panics as Go 1.21 does. */
    public static Panic panic(Object value) {
        throw new Panic(value == null ? "panic called with nil argument" : value); // Go 1.21's PanicNilError
    }

    /** Prints the arguments separated by spaces, then a newline: Go's {@code fmt.Println}. */
    public static void println(Object... args) {
        StringJoiner line = new StringJoiner(" ");
        if (args != null) for (Object a : args) line.add(String.valueOf(a));
        System.out.println(line);
    }

    /**
     * Prints a formatted line: Go's {@code fmt.Printf}, with Java's format syntax ({@code %d}, {@code %s},
     * {@code %.2f}, {@code %n} ...; see {@link java.util.Formatter}).
     */
    public static void printf(String format, Object... args) {
        System.out.printf(Objects.requireNonNull(format, "format"), args);
    }

    /** A random int in {@code [0, n)}: Go's {@code rand.Intn(n)}; n must be positive. */
    public static int randInt(int n) {
        if (n <= 0) throw new IllegalArgumentException("invalid argument to Intn");
        return ThreadLocalRandom.current().nextInt(n);
    }
}
