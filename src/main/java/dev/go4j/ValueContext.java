package dev.go4j;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A context carrying one key-value pair; everything else comes from its parent. Go's {@code context.WithValue}. */
final class ValueContext implements Context {
    private final Context parent;
    private final Object key;
    private final Object value;

    ValueContext(Context parent, Object key, Object value) {
        this.parent = Objects.requireNonNull(parent, "parent");
        this.key = Objects.requireNonNull(key, "key");
        this.value = value;
    }

    Context parent() {
        return parent;
    }

    @Override
    public RecvChan<Void> done() {
        return parent.done();
    }

    @Override
    public ContextError err() {
        return parent.err();
    }

    @Override
    public Optional<Instant> deadline() {
        return parent.deadline();
    }

    @Override
    public Object value(Object k) {
        return key.equals(k) ? value : parent.value(k);
    }

    @Override
    public String toString() {
        return parent + ".WithValue(" + key + ", " + value + ")";
    }
}
