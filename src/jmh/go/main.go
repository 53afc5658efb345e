// Command gobench runs the scenarios of go4j's JMH benchmarks in Go itself, on the same machine, so that the
// results table can set go4j beside Go. Each scenario is the Go program that the Java benchmark imitates, with the
// same sizes. Like JMH, it runs warm-up iterations, then measured ones, each of about one second, and scores a
// scenario by the mean cost of one operation over the measured iterations.
//
// It writes its results as JMH does (-rf json), one entry per scenario, under the benchmark name of the Java
// scenario with the implementation "go" (dev.go4j.bench.UnbufferedPair.go), so that ResultsTable can read them.
//
//	go run main.go [-quick] [-out results.json]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// The sizes of the Java benchmarks (see src/jmh/java/dev/go4j/bench).
const (
	fastPathValues = 200_000
	pairValues     = 100_000
	roundTrips     = 50_000
	selects        = 100_000
	chainLength    = 100_000
	pairs          = 10_000
	valuesPerPair  = 100
	spawned        = 10_000
)

// A scenario: the Java benchmark class it imitates, its parameters, and one invocation, which does ops operations.
type scenario struct {
	class  string
	params map[string]string
	unit   string // "ns" or "ms" per operation
	ops    int
	run    func()
}

type metric struct {
	Score     float64 `json:"score"`
	ScoreUnit string  `json:"scoreUnit"`
}

type result struct {
	Benchmark        string            `json:"benchmark"`
	Mode             string            `json:"mode"`
	Params           map[string]string `json:"params,omitempty"`
	PrimaryMetric    metric            `json:"primaryMetric"`
	SecondaryMetrics map[string]metric `json:"secondaryMetrics,omitempty"`
}

var sink int // results are summed into it, so that no work can be left out

func main() {
	quick := flag.Bool("quick", false, "one warm-up and two measured iterations, as ./go4j bench --quick")
	out := flag.String("out", "", "where to write the results (JMH's JSON); standard output if empty")
	parked := flag.Int("goroutines", 100_000, "how many goroutines to park to weigh one")
	flag.Parse()
	warmups, iterations := 3, 3
	if *quick {
		warmups, iterations = 1, 2
	}

	// Weighed first, in a fresh runtime, as go4j's is in a JVM of its own: Go sizes a new goroutine's stack by the
	// average stack use it has seen, and the scenarios below would raise that average.
	bytes := parkedMemory(*parked)
	fmt.Fprintf(os.Stderr, "%-16s %d parked: %.0f B each\n", "ParkedMemory", *parked, bytes)
	results := []result{{"dev.go4j.bench.ParkedMemory.go", "memory",
		map[string]string{"goroutines": fmt.Sprint(*parked)}, metric{bytes, "B/op"}, nil}}
	for _, s := range scenarios() {
		score, trip := measure(s, warmups, iterations)
		fmt.Fprintf(os.Stderr, "%-16s %v: %.1f %s/op (core-to-core %.0f ns)\n", s.class, s.params, score, s.unit, trip)
		results = append(results, result{"dev.go4j.bench." + s.class + ".go", "avgt", s.params, metric{score, s.unit + "/op"},
			map[string]metric{"core-to-core": {trip, "ns"}}})
	}

	data, err := json.MarshalIndent(results, "", "  ")
	if err != nil {
		panic(err)
	}
	if *out == "" {
		fmt.Println(string(data))
	} else if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// measure runs warm-up iterations, then measured ones, each repeating the scenario for about a second, and
// returns the mean cost of one operation over the measured iterations, in the scenario's unit, and the mean
// core-to-core round trip measured after each of them, as JMH's profiler dev.go4j.bench.CoreToCore does.
func measure(s scenario, warmups, iterations int) (float64, float64) {
	var total time.Duration
	var ops int
	var trips float64
	for i := 0; i < warmups+iterations; i++ {
		start := time.Now()
		n := 0
		for time.Since(start) < time.Second {
			s.run()
			n += s.ops
		}
		if i >= warmups {
			total += time.Since(start)
			ops += n
			trips += coreToCore()
		}
	}
	perOp := float64(total.Nanoseconds()) / float64(ops)
	if s.unit == "ms" {
		perOp /= 1e6
	}
	return perOp, trips / float64(iterations)
}

// coreToCore returns the round trip, in ns, of a counter that two goroutines, each on a thread of its own,
// increment in turn: this one makes it odd, the other one, spinning, makes it even again. The host of a virtual
// machine moves its cores about, and a hand-off between two processors pays several such trips. Timed in batches,
// whose median leaves out those during which something else ran on one of the cores.
func coreToCore() float64 {
	const batches, roundTrips = 21, 1_000
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var line int64 // atomic.Int64 would need Go 1.19
	done := make(chan struct{})
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		for seen := int64(0); seen >= 0; {
			if seen = atomic.LoadInt64(&line); seen&1 == 1 {
				atomic.StoreInt64(&line, seen+1)
			}
		}
		close(done)
	}()
	bounce := func(n int) {
		for i := 0; i < n; i++ {
			odd := atomic.LoadInt64(&line) + 1
			atomic.StoreInt64(&line, odd)
			for atomic.LoadInt64(&line) == odd {
			}
		}
	}
	bounce(roundTrips) // until the other goroutine runs
	times := make([]time.Duration, batches)
	for b := range times {
		start := time.Now()
		bounce(roundTrips)
		times[b] = time.Since(start)
	}
	atomic.StoreInt64(&line, -1<<62) // even and negative: ends the other goroutine
	<-done
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	return float64(times[batches/2].Nanoseconds()) / roundTrips
}

func scenarios() []scenario {
	list := []scenario{
		{"FastPath", map[string]string{"tracing": "off"}, "ns", fastPathValues, fastPath},
		{"UnbufferedPair", nil, "ns", pairValues, func() { transfer(make(chan int), pairValues) }},
	}
	for _, capacity := range []int{1, 16, 100} {
		c := capacity
		list = append(list, scenario{"BufferedPair", map[string]string{"capacity": fmt.Sprint(c)}, "ns", pairValues,
			func() { transfer(make(chan int, c), pairValues) }})
	}
	return append(list,
		scenario{"PingPong", nil, "ns", roundTrips, pingPong},
		scenario{"SelectTwo", nil, "ns", selects, selectTwo},
		scenario{"DaisyChain", nil, "ms", 1, daisyChain},
		scenario{"ManyPairs", nil, "ns", pairs * valuesPerPair, manyPairs},
		scenario{"Spawn", nil, "ns", spawned, spawn},
	)
}

// One goroutine sends into a channel of capacity 1 and receives the value back: nothing ever waits.
func fastPath() {
	c := make(chan int, 1)
	sum := 0
	for i := 0; i < fastPathValues; i++ {
		c <- 1
		sum += <-c
	}
	sink += sum
}

// One goroutine sends n values into c, another receives them.
func transfer(c chan int, n int) {
	done := make(chan int)
	go func() {
		sum := 0
		for i := 0; i < n; i++ {
			sum += <-c
		}
		done <- sum
	}()
	for i := 0; i < n; i++ {
		c <- 1
	}
	sink += <-done
}

func pingPong() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for i := 0; i < roundTrips; i++ {
			pong <- <-ping
		}
	}()
	sum := 0
	for i := 0; i < roundTrips; i++ {
		ping <- 1
		sum += <-pong
	}
	sink += sum
}

func selectTwo() {
	a, b := make(chan int), make(chan int)
	for _, c := range []chan int{a, b} {
		go func(c chan int) {
			for i := 0; i < selects/2; i++ {
				c <- 1
			}
		}(c)
	}
	sum := 0
	for i := 0; i < selects; i++ {
		select {
		case v := <-a:
			sum += v
		case v := <-b:
			sum += v
		}
	}
	sink += sum
}

// Rob Pike's daisy chain: each goroutine receives from its right and sends one more to its left.
func daisyChain() {
	leftmost := make(chan int)
	left := leftmost
	for i := 0; i < chainLength; i++ {
		right := make(chan int)
		go func(left, right chan int) { left <- 1 + <-right }(left, right)
		left = right
	}
	go func(c chan int) { c <- 1 }(left)
	if v := <-leftmost; v != chainLength+1 {
		panic(fmt.Sprint("daisy chain ended with ", v))
	}
}

func manyPairs() {
	var wg sync.WaitGroup
	wg.Add(pairs)
	for p := 0; p < pairs; p++ {
		c := make(chan int)
		go func() {
			for i := 0; i < valuesPerPair; i++ {
				c <- 1
			}
		}()
		go func() {
			defer wg.Done()
			for i := 0; i < valuesPerPair; i++ {
				<-c
			}
		}()
	}
	wg.Wait()
}

func spawn() {
	var wg sync.WaitGroup
	wg.Add(spawned)
	for i := 0; i < spawned; i++ {
		go wg.Done()
	}
	wg.Wait()
}

// parkedMemory parks n goroutines on the receive of one shared channel and returns the memory each holds: the
// growth of what the runtime has in use (heap and stacks), after collections, divided by n.
func parkedMemory(n int) float64 {
	before := inUse()
	c := make(chan int)
	var started sync.WaitGroup
	started.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			started.Done()
			<-c
		}()
	}
	started.Wait()
	for runtime.NumGoroutine() < n+1 { // all started; give the last ones time to reach the receive
		runtime.Gosched()
	}
	time.Sleep(100 * time.Millisecond)
	after := inUse()
	close(c)
	return float64(after-before) / float64(n)
}

func inUse() uint64 {
	var m runtime.MemStats
	for i := 0; i < 3; i++ {
		runtime.GC()
	}
	runtime.ReadMemStats(&m)
	return m.HeapInuse + m.StackInuse
}
