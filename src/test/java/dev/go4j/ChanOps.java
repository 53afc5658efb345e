package dev.go4j;

import java.util.concurrent.atomic.AtomicInteger;

import static dev.go4j.Go.*;

/**
 * Channel operations with their outcomes as plain values, for the linearizability tests and
 * {@link ChannelModel}: a value received, "closed", "empty" (a try-form found nothing), "ok", or a panic's
 * words ("panic: send on closed channel"). It counts values that went in and came out, so a test can check
 * at the end that none was lost or made up.
 */
final class ChanOps {
    final Chan<Integer>[] chans;
    /** Values whose send completed, and values received. */
    final AtomicInteger sentOk = new AtomicInteger(), receivedValues = new AtomicInteger();

    @SafeVarargs
    ChanOps(Chan<Integer>... chans) {
        this.chans = chans;
    }

    Object send(int ch, int v) {
        try {
            chans[ch].send(v);
            sentOk.incrementAndGet();
            return "ok";
        } catch (Panic p) {
            return "panic: " + p.getMessage();
        }
    }

    Object trySend(int ch, int v) {
        try {
            boolean ok = chans[ch].trySend(v);
            if (ok) sentOk.incrementAndGet();
            return ok;
        } catch (Panic p) {
            return "panic: " + p.getMessage();
        }
    }

    Object recv(int ch) {
        Received<Integer> r = chans[ch].recvOk();
        return value(r);
    }

    Object tryRecv(int ch) {
        Received<Integer> r = chans[ch].tryRecv();
        return r == null ? "empty" : value(r);
    }

    Object close(int ch) {
        try {
            Go.close(chans[ch]);
            return "ok";
        } catch (Panic p) {
            return "panic: " + p.getMessage();
        }
    }

    Object len(int ch) {
        return Go.len(chans[ch]);
    }

    /** select over a receive case per channel, with a default case or without: "ch:value", "ch:closed", "default". */
    Object selectRecv(boolean withDefault) {
        String[] out = {"default"};
        Case[] cases = new Case[chans.length + (withDefault ? 1 : 0)];
        for (int i = 0; i < chans.length; i++) {
            int ch = i;
            cases[i] = recvOk(chans[i], r -> out[0] = ch + ":" + value(r));
        }
        if (withDefault) cases[chans.length] = defaultCase();
        select(cases);
        return out[0];
    }

    /** select over a send case of {@code v} per channel, with a default or without: "ch", "default", or the panic. */
    Object selectSend(int v, boolean withDefault) {
        String[] out = {"default"};
        Case[] cases = new Case[chans.length + (withDefault ? 1 : 0)];
        for (int i = 0; i < chans.length; i++) {
            int ch = i;
            cases[i] = Go.send(chans[i], v, () -> out[0] = String.valueOf(ch));
        }
        if (withDefault) cases[chans.length] = defaultCase();
        try {
            select(cases);
        } catch (Panic p) {
            return "panic: " + p.getMessage();
        }
        if (!out[0].equals("default")) sentOk.incrementAndGet();
        return out[0];
    }

    private Object value(Received<Integer> r) {
        if (!r.ok()) return "closed";
        receivedValues.incrementAndGet();
        return r.value();
    }

    /** Fails unless every value sent was received or is still buffered, and nobody waits on any channel. */
    void checkSettled() {
        int buffered = 0;
        for (Chan<Integer> c : chans) {
            buffered += c.len();
            int[] w = c.waiting();
            if (w[0] != 0 || w[1] != 0) throw new IllegalStateException(c + " still has waiters: " + w[0] + " senders, " + w[1] + " receivers");
        }
        if (sentOk.get() != receivedValues.get() + buffered) {
            throw new IllegalStateException(sentOk.get() + " values sent, but " + receivedValues.get() + " received and " + buffered + " buffered");
        }
    }
}
