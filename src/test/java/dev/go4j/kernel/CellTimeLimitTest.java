package dev.go4j.kernel;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("The kernel's cell watchdog")
class CellTimeLimitTest {
    @Test
    @DisplayName("fires a second before IJava's own time limit, and not at all without one")
    void limits() {
        assertEquals(Duration.ofSeconds(119), IJavaLauncher.cellTimeLimit("120 SECONDS"));
        assertEquals(Duration.ofMillis(2000), IJavaLauncher.cellTimeLimit("3000"));
        assertEquals(Duration.ofMillis(500), IJavaLauncher.cellTimeLimit("1 SECONDS"));
        assertNull(IJavaLauncher.cellTimeLimit("-1"));
        assertNull(IJavaLauncher.cellTimeLimit(null));
        assertNull(IJavaLauncher.cellTimeLimit("soon"));
    }
}
