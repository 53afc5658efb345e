package dev.go4j.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The JSON reader and writer")
class JsonTest {

    @Nested
    @DisplayName("reading")
    class Reading {
        @Test
        @DisplayName("maps objects, arrays, strings, numbers, booleans and null to Java values")
        void values() {
            Object v = JsonReader.parse("{\"a\": [1, -2.5, 1e3, true, false, null], \"b\": \"x\\n\\u00e9\\\"\"}");
            assertEquals(Map.of("a", java.util.Arrays.asList(1L, new BigDecimal("-2.5"), new BigDecimal("1e3"), true, false, null),
                    "b", "x\né\""), v);
        }

        @Test
        @DisplayName("keeps the keys of an object in document order")
        void order() {
            Map<?, ?> m = (Map<?, ?>) JsonReader.parse("{\"z\": 1, \"a\": 2, \"m\": 3}");
            assertEquals(List.of("z", "a", "m"), List.copyOf(m.keySet()));
        }

        @ParameterizedTest(name = "rejects {0}")
        @ValueSource(strings = {"{\"a\": 1,}", "[1, 2,]", "{'a': 1}", "{\"a\": 1} x", "[01]", "\"tab\there\"",
                "{\"a\": 1, \"a\": 2}", "[1 2]", "// c\n1", "", "{\"a\" 1}", "tru", "[\"\\x\"]", "1.", "-"})
        void rejects(String text) {
            JsonException e = assertThrows(JsonException.class, () -> JsonReader.parse(text));
            assertTrue(e.getMessage().startsWith("invalid JSON at line "), e.getMessage());
        }

        @Test
        @DisplayName("says on which line and column the problem is")
        void position() {
            JsonException e = assertThrows(JsonException.class, () -> JsonReader.parse("{\n  \"a\": [1,\n   2,]\n}"));
            assertEquals("invalid JSON at line 3, column 6: unexpected character ']', expected a value", e.getMessage());
        }
    }

    @Nested
    @DisplayName("writing")
    class Writing {
        @Test
        @DisplayName("writes as Jupyter does: sorted keys, one-space indent, a final newline")
        void style() {
            String text = JsonWriter.write(new java.util.LinkedHashMap<>(Map.of("b", List.of(1L, "é\n"), "a", Map.of())));
            assertEquals("{\n \"a\": {},\n \"b\": [\n  1,\n  \"é\\n\"\n ]\n}\n", text);
        }

        @Test
        @DisplayName("reads back what it wrote")
        void roundTrip() {
            String text = "{\n \"a\": [\n  1,\n  2.50,\n  \"\\u0001 \\\\ \\\"\",\n  null\n ],\n \"b\": true\n}\n";
            assertEquals(text, JsonWriter.write(JsonReader.parse(text)));
        }
    }
}
