package dev.go4j.kernel;

import dev.go4j.Trace;
import dev.go4j.chart.Chart;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.util.function.Function;

/**
 * Shows go4j's pictures as pictures: a cell whose value is a {@link Trace} or a {@link Chart} displays its SVG,
 * with the text version alongside for frontends that cannot draw.
 */
final class Pictures {
    private Pictures() {}

    static void register(Renderer renderer) {
        svg(renderer, Trace.class, Trace::svg);
        svg(renderer, Chart.class, Chart::svg);
    }

    private static <T> void svg(Renderer renderer, Class<T> type, Function<T, String> draw) {
        renderer.createRegistration(type)
                .preferring(MIMEType.IMAGE_SVG)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((value, context) -> {
                    context.renderIfRequested(MIMEType.IMAGE_SVG, () -> draw.apply(value));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, value::toString);
                });
    }
}
