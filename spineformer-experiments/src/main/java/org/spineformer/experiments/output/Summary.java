package org.spineformer.experiments.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spineformer.io.Provenance;
import org.spineformer.io.json.JsonFiles;

/**
 * A panel's summary.json and its console table. Keys are snake_case and flat; every headline number comes with its
 * sample size and standard error under fixed suffixes:
 * <ul>
 * <li>{@code NAME_mean}, {@code NAME_sem}, {@code NAME_n}: a mean over n samples and its standard error
 * {@code np.std / sqrt(n)}, as the paper's error bars;</li>
 * <li>{@code NAME}, {@code NAME_se}, {@code NAME_n}: a single estimate from n samples (a threshold, a rate) with
 * its standard error (binomial or bootstrap, said where it is computed);</li>
 * <li>{@code NAME} alone: an exact value (a setting, or a number computed without sampling).</li>
 * </ul>
 * Non-finite numbers are written as null (see {@link JsonFiles}).
 */
public final class Summary {
    /** The file name in every panel's output directory. */
    public static final String FILE = "summary.json";
    /** The key naming the bAP delays file a panel used. */
    public static final String BAP_DELAYS_SOURCE = "bap_delays_source";
    /** The key naming the fig3be run folder whose threshold a panel used (null when it used the paper's). */
    public static final String THRESHOLD_PATH = "threshold_path";

    private final Map<String, Object> values = new LinkedHashMap<>();
    /** Table rows: label, value, standard error, n, and the key the row shows (not printed). */
    private final List<String[]> rows = new ArrayList<>();

    /** A key that is not a headline number (settings, sources, lists). */
    public Summary put(String key, Object value) {
        if (values.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException("summary key '" + key + "' is already set");
        }
        return this;
    }

    /** An exact headline number: key {@code key}, a table row labelled {@code label}. */
    public Summary exact(String key, String label, double value) {
        put(key, value);
        rows.add(new String[] {label, number(value), "", "", key});
        return this;
    }

    /** A mean of n samples with its standard error: keys key_mean, key_sem, key_n. */
    public Summary mean(String key, String label, double mean, double sem, int n) {
        put(key + "_mean", mean);
        put(key + "_sem", sem);
        put(key + "_n", n);
        rows.add(new String[] {label, number(mean), number(sem), Integer.toString(n), key + "_mean"});
        return this;
    }

    /** A single estimate from n samples with its standard error: keys key, key_se, key_n. */
    public Summary estimate(String key, String label, double value, double se, int n) {
        put(key, value);
        put(key + "_se", se);
        put(key + "_n", n);
        rows.add(new String[] {label, number(value), number(se), Integer.toString(n), key});
        return this;
    }

    /**
     * Removes these keys and their table rows (a key set by {@link #put} or {@link #exact}; absent keys are
     * ignored): how a summary drops what only makes sense for another cell.
     */
    public Summary without(Collection<String> keys) {
        values.keySet().removeAll(keys);
        rows.removeIf(row -> keys.contains(row[4]));
        return this;
    }

    /** The keys and values, in insertion order. */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /** Writes {@code dir/summary.json}, its values and then their {@link Provenance}. */
    public void write(Path dir) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.put(Provenance.KEY, Provenance.of("reproduce " + values.get("panel"), inputs()));
        JsonFiles.write(dir.resolve(FILE), all);
    }

    /**
     * The files the panel took from other runs, which its summary names under {@link #BAP_DELAYS_SOURCE} (the bAP
     * delays file) and {@link #THRESHOLD_PATH} (the fig3be run whose threshold it used: its summary.json).
     */
    private Map<String, Path> inputs() {
        Map<String, Path> files = new LinkedHashMap<>();
        if (values.get(BAP_DELAYS_SOURCE) instanceof String delays) {
            files.put("bap_delays", Path.of(delays));
        }
        if (values.get(THRESHOLD_PATH) instanceof String run) {
            files.put("threshold_run", Path.of(run, FILE));
        }
        return files;
    }

    /** The headline numbers as an aligned text table under {@code title}. */
    public String table(String title) {
        List<String[]> all = new ArrayList<>();
        all.add(new String[] {"quantity", "value", "+- s.e.", "n", ""});
        all.addAll(rows);
        int[] width = new int[4];
        for (String[] row : all) {
            for (int c = 0; c < 4; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder s = new StringBuilder(title).append(System.lineSeparator());
        for (int r = 0; r < all.size(); r++) {
            String[] row = all.get(r);
            s.append(String.format("  %-" + width[0] + "s  %" + width[1] + "s  %" + width[2] + "s  %" + width[3] + "s",
                    row[0], row[1], row[2], row[3]).stripTrailing()).append(System.lineSeparator());
            if (r == 0) {
                s.append("  ").append("-".repeat(width[0] + width[1] + width[2] + width[3] + 6))
                        .append(System.lineSeparator());
            }
        }
        return s.toString();
    }

    /** Four significant digits: enough to compare with the paper, short enough to read. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v == 0 || Double.isInfinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? String.format("%.4g", v) : String.format("%.4e", v);
    }
}
