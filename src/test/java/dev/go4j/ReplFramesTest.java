package dev.go4j;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Frames of code typed into a notebook are shown as the learner wrote it. */
@DisplayName("Frames from JShell")
class ReplFramesTest {
    @AfterEach
    void reset() {
        ReplFrames.calibrate(-1);
        ReplFrames.lookUpSources(n -> null);
    }

    static StackTraceElement frame(String snippet, String method, int line) {
        return new StackTraceElement("REPL.$JShell$" + snippet, method, "$JShell$" + snippet + ".java", line);
    }

    @Test
    @DisplayName("show the method and the line of code, once the kernel has calibrated")
    void withSource() {
        ReplFrames.calibrate(21);
        ReplFrames.lookUpSources(Map.of("20", "void boring(Chan<String> c) {\n    for (;;)\n        c.send(\"x\");\n}")::get);
        assertEquals("boring: c.send(\"x\");", ReplFrames.describe(frame("20", "boring", 24)));
        assertEquals("a lambda in boring: for (;;)", ReplFrames.describe(frame("20", "lambda$boring$0", 23)));
        assertEquals("a lambda in the cell's code: c.send(\"x\");", ReplFrames.describe(frame("20", "lambda$do_it$$1", 24)));
        assertEquals("the cell's code", ReplFrames.describe(frame("21", "do_it$", 22)), "an unknown snippet shows no line");
    }

    @Test
    @DisplayName("show only the method before calibration, and other frames as Java prints them")
    void withoutSource() {
        assertEquals("boring", ReplFrames.describe(frame("20", "boring", 24)));
        StackTraceElement java = new StackTraceElement("a.B", "c", "B.java", 7);
        assertEquals(java.toString(), ReplFrames.describe(java));
    }
}
