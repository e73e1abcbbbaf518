package org.spineformer.cli;

import java.io.PrintWriter;

/** A one-line progress bar on stderr: done / total, rate and time left. */
final class Progress {
    private final PrintWriter err;
    private final String unit;
    private final double total;
    private final long start = System.nanoTime();
    private long lastPrint;

    Progress(PrintWriter err, String unit, double total) {
        this.err = err;
        this.unit = unit;
        this.total = total;
    }

    void update(double done) {
        long now = System.nanoTime();
        if (now - lastPrint < 500_000_000L && done < total) {
            return;
        }
        lastPrint = now;
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        double left = rate > 0 ? (total - done) / rate : Double.NaN;
        int width = 30;
        int filled = (int) Math.round(width * Math.min(1, done / total));
        err.printf("\r[%s%s] %.0f/%.0f %s, %.1f/s, ETA %s   ", "#".repeat(filled), " ".repeat(width - filled), done,
                total, unit, rate, Double.isNaN(left) ? "?" : String.format("%.0fs", left));
        err.flush();
    }

    void finish() {
        update(total);
        err.println();
        err.flush();
    }
}
