package dev.go4j.chart;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("Charts for notebooks")
class ChartTest {
    static org.w3c.dom.Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("a bar chart draws a bar per label and series, with bars proportional to the values")
    void bars() throws Exception {
        Map<String, Double> one = new LinkedHashMap<>();
        one.put("one gopher", 10.0);
        one.put("four gophers <fast>", 40.0);
        Chart c = Chart.bars("Books per second").barSeries("1 core", one).barSeries("2 cores", Map.of("one gopher", 11.0, "four gophers <fast>", 75.0));
        var doc = parse(c.svg());
        var rects = doc.getElementsByTagName("rect");
        // background + 4 bars + 2 legend swatches
        assertEquals(7, rects.getLength());
        double w10 = Double.parseDouble(rects.item(1).getAttributes().getNamedItem("width").getNodeValue());
        double w40 = Double.parseDouble(rects.item(3).getAttributes().getNamedItem("width").getNodeValue());
        assertEquals(4.0, w40 / w10, 0.01);
        assertTrue(c.toString().contains("four gophers <fast>  1 core=40  2 cores=75"), c.toString());
    }

    @Test
    @DisplayName("a line chart draws a polyline per series")
    void lines() throws Exception {
        Chart c = Chart.lines("Latency", "percentile", "ms")
                .series("v1", List.of(50, 90, 99), List.of(10, 20, 80))
                .series("v2", List.of(50, 90, 99), List.of(8, 9, 12));
        assertEquals(2, parse(c.svg()).getElementsByTagName("polyline").getLength());
        assertTrue(c.toString().contains("v2: (50, 8) (90, 9) (99, 12)"), c.toString());
    }

    @Test
    @DisplayName("misuse is refused with a clear message")
    void misuse() {
        assertThrows(IllegalStateException.class, () -> Chart.bars("x").series("s", List.of(1), List.of(1)));
        assertThrows(IllegalArgumentException.class, () -> Chart.lines("x", "a", "b").series("s", List.of(1, 2), List.of(1)));
    }
}
