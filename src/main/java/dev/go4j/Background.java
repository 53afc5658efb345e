package dev.go4j;

import java.time.Instant;
import java.util.Optional;

/** The root of every context tree: never done, no deadline, no values. Go's {@code context.Background()}. */
final class Background implements Context {
    static final Background INSTANCE = new Background();

    private Background() {}

    @Override
    @SuppressWarnings("unchecked")
    public RecvChan<Void> done() {
        return (Chan<Void>) Chan.NIL;
    }

    @Override
    public ContextError err() {
        return null;
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.empty();
    }

    @Override
    public Object value(Object key) {
        return null;
    }

    @Override
    public String toString() {
        return "context.Background";
    }
}
