RecvChan<String> boring(String msg) { Chan<String> c = chan(); go(() -> { for (int i = 0; ; i++) { c.send(msg + " " + i); sleep(millis(randInt(100))); } }); return c; }
RecvChan<String> fanIn(RecvChan<String> a, RecvChan<String> b) { Chan<String> c = chan(); go(() -> { for (;;) select(recv(a, c::send), recv(b, c::send)); }); return c; }
var c = fanIn(boring("Joe"), boring("Ann"));
for (int i = 0; i < 10; i++) println(c.recv());
println("You're both boring; I'm leaving.");
/exit
