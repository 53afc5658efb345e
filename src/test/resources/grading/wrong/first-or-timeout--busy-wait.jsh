// expect: busy waiting
// Polls with a default case in a loop: right answers, one core kept busy.
String firstOrTimeout(RecvChan<String> a, RecvChan<String> b, Duration limit) {
    long end = System.nanoTime() + limit.toNanos();
    var got = new AtomicReference<String>();
    while (System.nanoTime() < end) {
        select(recv(a, got::set), recv(b, got::set), defaultCase());
        if (got.get() != null) return got.get();
    }
    return "timeout";
}
