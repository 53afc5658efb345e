package dev.go4j.check;

/**
 * Tells from a thread's stack whether it is parked in a go4j operation (a channel send or receive, a range over a
 * channel, a select, a WaitGroup, a lock), and which, in Go's words.
 */
final class Blocking {
    private Blocking() {}

    /** "in a channel receive (Chan.recv)" and so on, or null if the thread is not waiting in go4j. */
    static String describe(StackTraceElement[] stack) {
        boolean parked = false;
        for (StackTraceElement f : stack) {
            if (f.getClassName().equals("dev.go4j.Parker")) parked = true;
            if (parked && f.getClassName().startsWith("dev.go4j.Chan$") && f.getMethodName().equals("hasNext")) {
                return "in a range over a channel (for (var v : c)) that is never closed";
            }
        }
        parked = false;
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (c.equals("dev.go4j.Parker") || c.equals("java.util.concurrent.locks.LockSupport")) {
                parked = true;
                continue;
            }
            if (!parked || !c.startsWith("dev.go4j.") || c.startsWith("dev.go4j.check.")) continue;
            String simple = c.substring("dev.go4j.".length());
            String method = f.getMethodName();
            String op = simple + "." + method;
            String lower = method.toLowerCase();
            if (simple.startsWith("Chan") && (lower.contains("recv") || lower.contains("receive"))) return "in a channel receive (" + op + ")";
            if (simple.startsWith("Chan") && method.toLowerCase().contains("send")) return "in a channel send (" + op + ")";
            if (simple.startsWith("Select")) return "in a select where no case can proceed (" + op + ")";
            if (simple.startsWith("WaitGroup")) return "in WaitGroup.await (" + op + ")";
            if (simple.contains("Mutex")) return "for a lock (" + op + ")";
            if (simple.equals("Go") && method.equals("sleep")) return null; // sleeping is not a deadlock
        }
        return null;
    }
}
