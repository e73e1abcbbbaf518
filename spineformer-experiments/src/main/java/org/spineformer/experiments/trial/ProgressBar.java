package org.spineformer.experiments.trial;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A one-line progress report: {@code label [#####     ] done/total trials, time per trial, ETA}. The rate counts
 * only the work of this session (trials resumed from an earlier one took no time now), including the finished part
 * of trials still running, so the estimate moves before the first trial ends. On a terminal the line is redrawn in
 * place; in a log a new line is written now and then.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final String label;
    private final int total;
    private final int resumed;
    private final boolean interactive;
    private final LongSupplier nanoClock;
    private final long start;
    private final long intervalNanos;
    private long lastPrint = Long.MIN_VALUE;

    /**
     * @param out where to write (stderr in the command line)
     * @param resumed trials already finished before this session
     * @param interactive redraw one line with carriage returns (a terminal) rather than print lines (a log)
     * @param nanoClock the time source ({@code System::nanoTime}; tests pass their own)
     */
    public ProgressBar(PrintWriter out, String label, int total, int resumed, boolean interactive,
                       LongSupplier nanoClock) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.resumed = resumed;
        this.interactive = interactive;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.intervalNanos = interactive ? 500_000_000L : 30_000_000_000L;
    }

    /** Reports {@code done} trials (fractions for trials under way), at most once per interval. */
    public synchronized void update(double done) {
        long now = nanoClock.getAsLong();
        if (lastPrint != Long.MIN_VALUE && now - lastPrint < intervalNanos) {
            return;
        }
        lastPrint = now;
        print(done, now, false);
    }

    /** Reports the final state and ends the line. */
    public synchronized void finish(int done) {
        print(done, nanoClock.getAsLong(), true);
    }

    /** The report line for {@code done} trials at {@code now}, without the carriage return. */
    String line(double done, long now) {
        double seconds = (now - start) / 1e9;
        double worked = done - resumed;
        int filled = total == 0 ? WIDTH : (int) Math.floor(WIDTH * Math.min(1, done / total));
        StringBuilder s = new StringBuilder();
        s.append(label).append(" [").append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                .append((int) Math.floor(done + 1e-9)).append('/').append(total).append(" trials");
        if (resumed > 0) {
            s.append(" (").append(resumed).append(" resumed)");
        }
        if (worked > 0 && seconds > 0) {
            double perTrial = seconds / worked;
            s.append(perTrial >= 1 ? String.format(", %s/trial", duration(perTrial))
                    : String.format(", %.1f trials/s", 1 / perTrial));
            s.append(", ETA ").append(duration(Math.max(0, total - done) * perTrial));
        } else if (done < total) {
            s.append(", ETA ?");
        }
        return s.toString();
    }

    private void print(double done, long now, boolean last) {
        String line = line(done, now);
        if (interactive) {
            out.print("\r" + line + "   ");
            if (last) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** 42s, 3m05s, 2h07m. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
