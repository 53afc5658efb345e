// expect: waits for the first input before it reads the second
// A fan-in that reads its inputs in turn: right values when both are busy, stuck when the first is slow.
<T> RecvChan<T> fanIn(RecvChan<T> a, RecvChan<T> b) {
    Chan<T> out = chan();
    go(() -> {
        while (true) {
            out.send(a.recv());
            out.send(b.recv());
        }
    });
    return out;
}
