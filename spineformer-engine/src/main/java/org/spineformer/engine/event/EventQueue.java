package org.spineformer.engine.event;

import java.util.Arrays;

/**
 * Pending synaptic events, earliest first (ties in the order they were scheduled), held in primitive arrays so
 * that scheduling and delivery do not allocate once the queue has grown to its working size. An event carries a
 * weight, a flag (0 for a connection's event, NMODL's {@code net_send(delay, flag)} value for a mechanism's event
 * to itself), the index of the connection it came through (that of the event that sent it for an event to
 * itself, -1 for none) and the lane (trial) it belongs to. One queue serves all lanes: each lane's events come out
 * in the order a queue of that lane alone would give (time, then scheduling order).
 */
public final class EventQueue {
    /** Receives the events that are due. */
    @FunctionalInterface
    public interface Receiver {
        /** The event due at time {@code t} (ms) for {@code instance} of block {@code target} in trial {@code lane}. */
        void receive(double t, int target, int instance, int lane, double weight, double flag, int connection);
    }

    private double[] time = new double[64];
    private long[] seq = new long[64];
    private int[] target = new int[64];
    private int[] instance = new int[64];
    private int[] lane = new int[64];
    private double[] weight = new double[64];
    private double[] flag = new double[64];
    private int[] connection = new int[64];
    private int size;
    private long nextSeq;

    public void clear() {
        size = 0;
        nextSeq = 0;
    }

    public int size() {
        return size;
    }

    /**
     * Schedules an event for {@code instance} of block {@code target} in trial {@code lane}, with a flag (a
     * mechanism's event to itself: NMODL's net_send) and the index of its connection (-1 for none); returns the
     * event's handle for {@link #move}.
     */
    public long schedule(double t, int target, int instance, int lane, double weight, double flag, int connection) {
        checkTime(t);
        long s = nextSeq++;
        insert(t, s, target, instance, lane, weight, flag, connection);
        return s;
    }

    /**
     * Gives the pending event with this handle the time {@code t} (ms), keeping its place among events of equal
     * time by its handle (NMODL's net_move); false when no pending event has the handle (it was delivered).
     */
    public boolean move(long handle, double t) {
        checkTime(t);
        for (int i = 0; i < size; i++) {
            if (seq[i] == handle) {
                int tg = target[i], in = instance[i], ln = lane[i];
                double w = weight[i], f = flag[i];
                int cn = connection[i];
                removeAt(i);
                insert(t, handle, tg, in, ln, w, f, cn);
                return true;
            }
        }
        return false;
    }

    private static void checkTime(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("event time must be finite and >= 0, was " + t);
        }
    }

    private void insert(double t, long s, int tg, int in, int ln, double w, double f, int cn) {
        if (size == time.length) {
            grow();
        }
        int i = size++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!before(t, s, time[p], seq[p])) {
                break;
            }
            move(p, i);
            i = p;
        }
        set(i, t, s, tg, in, ln, w, f, cn);
    }

    /** Time of the earliest event, or +infinity when none is pending. */
    public double peekTime() {
        return size == 0 ? Double.POSITIVE_INFINITY : time[0];
    }

    /** Delivers, earliest first, every event whose time is at most {@code until}. */
    public void deliverUntil(double until, Receiver receiver) {
        while (size > 0 && time[0] <= until) {
            int tg = target[0], in = instance[0], ln = lane[0];
            double t = time[0], w = weight[0], f = flag[0];
            int c = connection[0];
            removeAt(0);
            receiver.receive(t, tg, in, ln, w, f, c);
        }
    }

    /** Removes the event at heap position {@code at}: the last event takes its place, moved up or down. */
    private void removeAt(int at) {
        size--;
        if (size == at) {
            return;
        }
        double t = time[size];
        long s = seq[size];
        int tg = target[size], in = instance[size], ln = lane[size];
        double w = weight[size], f = flag[size];
        int cn = connection[size];
        int i = at;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!before(t, s, time[p], seq[p])) {
                break;
            }
            move(p, i);
            i = p;
        }
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && before(time[c + 1], seq[c + 1], time[c], seq[c])) {
                c++;
            }
            if (!before(time[c], seq[c], t, s)) {
                break;
            }
            move(c, i);
            i = c;
        }
        set(i, t, s, tg, in, ln, w, f, cn);
    }

    private static boolean before(double t1, long s1, double t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void move(int from, int to) {
        time[to] = time[from];
        seq[to] = seq[from];
        target[to] = target[from];
        instance[to] = instance[from];
        lane[to] = lane[from];
        weight[to] = weight[from];
        flag[to] = flag[from];
        connection[to] = connection[from];
    }

    private void set(int i, double t, long s, int tg, int in, int ln, double w, double f, int cn) {
        time[i] = t;
        seq[i] = s;
        target[i] = tg;
        instance[i] = in;
        lane[i] = ln;
        weight[i] = w;
        flag[i] = f;
        connection[i] = cn;
    }

    private void grow() {
        int n = time.length * 2;
        time = Arrays.copyOf(time, n);
        seq = Arrays.copyOf(seq, n);
        target = Arrays.copyOf(target, n);
        instance = Arrays.copyOf(instance, n);
        lane = Arrays.copyOf(lane, n);
        weight = Arrays.copyOf(weight, n);
        flag = Arrays.copyOf(flag, n);
        connection = Arrays.copyOf(connection, n);
    }
}
