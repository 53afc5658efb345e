// expect: still alive after it finished
// Ignores quit: its goroutine blocks forever on the next send.
RecvChan<Integer> naturals(RecvChan<Void> quit) {
    Chan<Integer> out = chan();
    go(() -> {
        for (int i = 0; ; i++) out.send(i);
    });
    return out;
}
