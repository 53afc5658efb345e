package dev.go4j.kernel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends what a kernel's threads print to the notebook cell each print belongs to. The kernel installs its
 * {@link #printStream print streams} as {@code System.out} and {@code System.err} and calls {@link #begin} and
 * {@link #end} around each cell it runs.
 *
 * <p>Which cell a print belongs to:
 * <ul>
 *   <li>A goroutine (any virtual thread) belongs to the cell whose code started it, directly or through other
 *       goroutines, for as long as it lives.
 *   <li>A platform thread prints to the cell that is running; when none is, to the cell that started it.
 *       (Pool threads serve whichever cell submits work, so the running cell is the better guess.)
 *   <li>The rest, a platform thread that no cell started printing while no cell runs, belongs to no cell: it is
 *       copied to the kernel's log at once and reported at the top of the next cell, with the thread's name.
 * </ul>
 * While its cell runs, a print is the cell's stream output, as usual. Once the cell has finished, prints go to
 * the cell's {@link LateOutput late-output display}, which the cell created as it ended if it had started any
 * thread; each change replaces that display's content. Jupyter frontends and nbclient update a display by its
 * id wherever it is, so the text appears under the cell that started the goroutine, never under another.
 *
 * <p>Implementation overview. Ownership is an {@link InheritableThreadLocal}: a new thread's value is computed
 * by {@link #ownerOfNewThread} in its creator's thread, at creation. The kernel's own threads (registered with
 * {@link #adoptCurrentThread}, and the thread that calls {@link #begin}) start threads that belong to no cell,
 * such as the pool threads that run cells' code. A single lock guards every cell's buffers and the order of all
 * messages; messages are sent while holding it, so they leave in the order the text was printed. Text without
 * a newline and late output wait up to {@link #BATCH_MILLIS} for more, on one timer thread. An update sent
 * while no cell runs is sent again, with the next cell as parent, when that cell begins: nbclient only reads
 * messages whose parent is the cell it is running.
 */
final class CellOutput {
    /** How many characters of late output a cell keeps. */
    static final int LATE_OUTPUT_LIMIT = 1 << 16;
    /** How many characters of unattributed output are kept for the next cell. */
    static final int UNATTRIBUTED_LIMIT = 1 << 14;
    /** How long printed text may wait to be sent together with more. */
    static final long BATCH_MILLIS = 40;

    private final CellPublisher publisher;
    private final PrintStream log;
    private final Set<Thread> kernelThreads = ConcurrentHashMap.newKeySet();
    private final InheritableThreadLocal<Cell> owner = new InheritableThreadLocal<>() {
        @Override
        protected Cell childValue(Cell creatorsCell) {
            return ownerOfNewThread(creatorsCell);
        }
    };
    /** Set while the current thread sends a message: a print from inside the publisher goes to the log. */
    private final ThreadLocal<Boolean> sending = ThreadLocal.withInitial(() -> false);
    private final ScheduledThreadPoolExecutor timer;

    private final Object lock = new Object();
    /** The cell whose code runs now, or null. Written under the lock, read anywhere. */
    private volatile Cell running;
    private long cellsBegun;
    /** Output that belongs to no cell, by the name of the thread that printed it. */
    private final Map<String, Segments> unattributed = new LinkedHashMap<>();
    private int unattributedLength;
    /** Cells whose late output was last sent while no cell ran. */
    private final Set<Cell> replay = new LinkedHashSet<>();

    /**
     * @param publisher sends messages to the frontend
     * @param log       the kernel process's own error stream, which Jupyter writes to its log
     */
    CellOutput(CellPublisher publisher, PrintStream log) {
        this.publisher = publisher;
        this.log = log;
        adoptCurrentThread();
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "go4j-cell-output");
            t.setDaemon(true);
            return t;
        });
        timer.prestartCoreThread();
    }

    /**
     * Makes the calling thread one of the kernel's own: the threads it starts belong to no cell. The thread
     * that starts the kernel calls this before the kernel starts any thread, so that all of them inherit
     * ownership tracking.
     */
    void adoptCurrentThread() {
        kernelThreads.add(Thread.currentThread());
        owner.set(null); // creates the inheritable entry, so that threads started from here inherit one too
    }

    /** A stream that writes to {@code kind} of whichever cell the printing thread belongs to. */
    PrintStream printStream(OutputKind kind) {
        return new PrintStream(new CellStream(this, kind), true, StandardCharsets.UTF_8);
    }

    /**
     * Starts a cell: from now until {@link #end}, prints of the kernel's pool threads and of new threads go to
     * it. Called by the kernel thread that handles the execute request, before the cell's code runs.
     *
     * @param request the kernel's handle on the execute request, handed back to the {@link CellPublisher}
     */
    Cell begin(Object request) {
        kernelThreads.add(Thread.currentThread());
        synchronized (lock) {
            Cell cell = new Cell(request, ++cellsBegun);
            reportUnattributed(cell);
            for (Cell c : replay) sendLate(c, cell);
            replay.clear();
            running = cell;
            return cell;
        }
    }

    /**
     * Ends a cell after its code has finished, before the kernel reports it idle: sends what it printed, and
     * if it started threads, creates its late-output display.
     */
    void end(Cell cell) {
        synchronized (lock) {
            sendPending(cell);
            cell.running = false;
            if (running == cell) running = null;
            if (cell.spawned) {
                LateOutput late = new LateOutput("go4j-late-" + UUID.randomUUID(), LATE_OUTPUT_LIMIT);
                cell.late = late;
                send(() -> publisher.display(cell, late.displayId(), late.data(), late.metadata(), false));
            }
        }
    }

    /** Takes text printed by the current thread to {@code kind}. */
    void write(OutputKind kind, String text) {
        if (text.isEmpty()) return;
        if (sending.get()) { // printed by the publisher itself: sending it would loop
            log.print(text);
            return;
        }
        Thread printer = Thread.currentThread();
        synchronized (lock) {
            Cell cell = cellOf(printer);
            if (cell == null || (!cell.running && cell.late == null)) {
                holdUnattributed(printer, kind, text);
            } else if (cell.running) {
                cell.pending.append(kind, text);
                if (text.indexOf('\n') >= 0) sendPending(cell);
                else scheduleFlush(cell);
            } else {
                cell.late.append(kind, text);
                scheduleLateUpdate(cell);
            }
        }
    }

    /** Sends whatever the running cell printed and has not sent yet. */
    void flush() {
        if (sending.get()) return;
        synchronized (lock) {
            Cell cell = running;
            if (cell != null) sendPending(cell);
        }
    }

    /** The cell whose output {@code printer}'s prints are, by the rules in the class comment; null for none. */
    private Cell cellOf(Thread printer) {
        Cell own = owner.get();
        Cell now = running;
        if (printer.isVirtual()) return own != null ? own : now;
        return now != null ? now : own;
    }

    /** Runs in the thread that creates a new thread; returns the cell the new thread belongs to. */
    private Cell ownerOfNewThread(Cell creatorsCell) {
        Thread creator = Thread.currentThread();
        if (kernelThreads.contains(creator)) return null;
        // A goroutine's goroutines stay with its cell. A platform thread (a cell's code runs on one) gives
        // its new threads to the running cell; with none running there is nobody to give them to.
        Cell cell = creator.isVirtual() ? creatorsCell : running;
        if (cell != null) cell.spawned = true;
        return cell;
    }

    // ---- under the lock ---------------------------------------------------------------------------------

    private void sendPending(Cell cell) {
        for (Segments.Segment s : cell.pending.drain()) send(() -> publisher.stream(cell, s.kind(), s.text()));
    }

    /** Sends the late output of {@code cell} as an update, with the running cell (or itself) as parent. */
    private void sendLate(Cell cell, Cell parent) {
        LateOutput late = cell.late;
        send(() -> publisher.display(parent, late.displayId(), late.data(), late.metadata(), true));
    }

    private void scheduleFlush(Cell cell) {
        if (cell.flushScheduled) return;
        cell.flushScheduled = true;
        timer.schedule(() -> {
            synchronized (lock) {
                cell.flushScheduled = false;
                if (cell.running) sendPending(cell);
            }
        }, BATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void scheduleLateUpdate(Cell cell) {
        if (cell.lateUpdateScheduled) return;
        cell.lateUpdateScheduled = true;
        timer.schedule(() -> {
            synchronized (lock) {
                cell.lateUpdateScheduled = false;
                Cell now = running;
                sendLate(cell, now != null ? now : cell);
                if (now == null) replay.add(cell);
            }
        }, BATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void holdUnattributed(Thread printer, OutputKind kind, String text) {
        log.print(text);
        log.flush();
        if (unattributedLength >= UNATTRIBUTED_LIMIT) return;
        String kept = text.length() <= UNATTRIBUTED_LIMIT - unattributedLength
                ? text : text.substring(0, UNATTRIBUTED_LIMIT - unattributedLength) + "\n[go4j: the rest is in the kernel's log]\n";
        unattributed.computeIfAbsent(describe(printer), k -> new Segments()).append(kind, kept);
        unattributedLength += kept.length();
    }

    private void reportUnattributed(Cell cell) {
        for (Map.Entry<String, Segments> e : unattributed.entrySet()) {
            send(() -> publisher.stream(cell, OutputKind.ERR,
                    "[go4j: while no cell was running, " + e.getKey() + " printed:]\n"));
            for (Segments.Segment s : e.getValue().list()) send(() -> publisher.stream(cell, s.kind(), s.text()));
        }
        unattributed.clear();
        unattributedLength = 0;
    }

    private static String describe(Thread t) {
        String name = t.getName();
        return name.isEmpty() ? t.toString() : "thread \"" + name + "\"";
    }

    private void send(Runnable message) {
        sending.set(true);
        try {
            message.run();
        } catch (RuntimeException e) {
            log.println("go4j: could not send output to the notebook: " + e);
        } finally {
            sending.set(false);
        }
    }
}
