// expect: it was still open after
// Forgets to close the channel, so a range over it never ends.
RecvChan<Integer> count(int n) {
    Chan<Integer> c = chan();
    go(() -> {
        for (int i = 0; i < n; i++) c.send(i);
    });
    return c;
}
