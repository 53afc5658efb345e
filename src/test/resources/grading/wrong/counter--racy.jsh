// expect: lost updates
// n++ on a plain field from many goroutines.
class SafeCounter {
    private long n;
    void inc() { n++; }
    long value() { return n; }
}
