package dev.go4j;

import static dev.go4j.Go.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The carriers that run goroutines")
class CarriersTest {
    @Test
    @DisplayName("are at least two on one core, so a goroutine in a busy loop does not stop the others")
    void oneCore() throws Exception {
        String out = OneCore.run(BusyNeighbour.class.getName());
        Matcher m = Pattern.compile("cores (\\d+), carriers (\\d+), the other goroutine (.*)").matcher(out);
        assertTrue(m.find(), out);
        assertEquals(Math.max(2, Integer.parseInt(m.group(1))), Integer.parseInt(m.group(2)), out);
        assertEquals("ran", m.group(3), out);
    }

    /** One goroutine spins without ever blocking; another, started once the first runs, sends one value. */
    public static final class BusyNeighbour {
        public static void main(String[] args) {
            AtomicBoolean spinning = new AtomicBoolean(), stop = new AtomicBoolean();
            go(() -> {
                spinning.set(true);
                while (!stop.get()) Thread.onSpinWait();
            });
            while (!spinning.get()) Thread.onSpinWait();
            Chan<String> ran = chan(1);
            go(() -> ran.send("ran"));
            AtomicReference<String> other = new AtomicReference<>("did not run within 10 s");
            select(recv(ran, other::set), timeout(seconds(10), () -> {}));
            stop.set(true);
            System.out.println("cores " + Runtime.getRuntime().availableProcessors() + ", carriers " + gomaxprocs(0)
                    + ", the other goroutine " + other.get());
        }
    }
}
