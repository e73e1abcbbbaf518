package org.spineformer.cell.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spineformer.cell.PyramidalCell;
import org.spineformer.io.json.JsonErrors;

/**
 * Reads and checks a stimulus file (the format of the NEURON reference protocols' {@code input.json}). Unknown
 * keys are ignored; every error names the file, the key (with spine and index where there is one) and the value.
 */
public final class StimulusReader {
    /**
     * The temperatures accepted (degC): the mechanisms' rates scale as q10^((celsius - T0) / 10) from fits made
     * near 23-37 degC; beyond these bounds the cell is no longer a model of tissue, and a Kelvin or Fahrenheit value
     * (310, 98.6) lands outside them.
     */
    public static final double MIN_CELSIUS = -20;
    public static final double MAX_CELSIUS = 60;
    /**
     * How far tstop / dt may be from a whole number, relative to it: decimal steps such as 0.025 are not exact in
     * binary, so 3000 / 0.025 comes out within a few ulps of 120000; 1e-9 is far above that and far below a real
     * fraction of a step.
     */
    static final double WHOLE_STEPS_TOLERANCE = 1e-9;

    private final String source;
    /** What a stimulus that does not say takes from its cell. */
    private final CellDefaults cell;

    /**
     * What a stimulus takes from its cell when it does not say: the temperature (degC) and the query pulses'
     * amplitude (nA) and duration (ms), a description's {@code celsius} and {@code experiment.query}.
     */
    public record CellDefaults(double celsius, double iclampAmpNa, double iclampDurMs) {
        /** The paper's cell: 37 degC, pulses of 4 nA for 1 ms (the paper's {@code add_iclamps(times, 1, 4)}). */
        public static final CellDefaults PAPER = new CellDefaults(PyramidalCell.CELSIUS, 4.0, 1.0);
    }

    private StimulusReader(String source, CellDefaults cell) {
        this.source = source;
        this.cell = cell;
    }

    /**
     * Reads a stimulus file for a cell with {@code spines} spines: what the file does not give (celsius, the iclamp's
     * amplitude and duration) comes from {@code cell}; what it gives takes precedence, as a protocol's settings do
     * over the description in {@code simulate}.
     */
    public static Stimulus read(Path file, int spines, CellDefaults cell) throws IOException {
        String text = Files.readString(file);
        return parse(text, file.toString(), spines, cell);
    }

    /** Parses stimulus JSON for the paper's cell; {@code source} names it in errors. */
    public static Stimulus parse(String json, String source, int spines) {
        return parse(json, source, spines, CellDefaults.PAPER);
    }

    /** Parses stimulus JSON for a cell whose {@code cell} defaults fill what it does not give; {@code source} names it. */
    public static Stimulus parse(String json, String source, int spines, CellDefaults cell) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + JsonErrors.describe(e));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object");
        }
        return new StimulusReader(source, cell).parse(root, spines);
    }

    private Stimulus parse(JsonNode root, int spines) {
        double vInit = number(root, "v_init", null);
        double tstop = number(root, "tstop", null);
        if (!(tstop > 0)) {
            throw error("tstop", "must be > 0 ms, was " + tstop);
        }
        double dt = root.has("dt") ? number(root, "dt", null) : 0.025;
        if (!(dt > 0) || dt > tstop) {
            throw error("dt", "must be > 0 and at most tstop, was " + dt);
        }
        double steps = tstop / dt;
        if (Math.abs(steps - Math.rint(steps)) > WHOLE_STEPS_TOLERANCE * steps) {
            throw error("dt", "is " + dt + " ms, which does not divide tstop = " + tstop + " ms ("
                    + String.format(Locale.ROOT, "%.2f", steps) + " steps): the run and its last recorded sample would stop short of tstop; choose a dt that "
                    + "divides tstop");
        }
        double celsius = root.has("celsius") ? number(root, "celsius", null) : cell.celsius();
        if (!(celsius >= MIN_CELSIUS && celsius <= MAX_CELSIUS)) {
            throw error("celsius", "is " + celsius + " degC, outside [" + MIN_CELSIUS + ", " + MAX_CELSIUS
                    + "]: the channels' temperature scaling is meaningless there (a value in kelvin or fahrenheit?)");
        }
        boolean potentiation = root.has("potentiation") && bool(root, "potentiation");
        double threshold = Double.POSITIVE_INFINITY;
        if (potentiation) {
            threshold = number(root, "threshold", null);
            if (!(threshold > 0)) {
                throw error("threshold", "must be > 0 when potentiation is true, was " + threshold);
            }
        }
        JsonNode pre = required(root, "pre");
        if (!pre.isArray()) {
            throw error("pre", "must be a list of " + spines + " lists of spike times");
        }
        if (pre.size() != spines) {
            throw error("pre", "has " + pre.size() + " spine lists, the cell has " + spines + " spines");
        }
        double[][] preTimes = new double[spines][];
        for (int k = 0; k < spines; k++) {
            preTimes[k] = times(pre.get(k), "pre[" + k + "] (spine " + k + ")", tstop);
        }
        double[] post = times(required(root, "post"), "post", tstop);
        double amp = cell.iclampAmpNa(), dur = cell.iclampDurMs();
        JsonNode iclamp = root.get("iclamp");
        if (iclamp != null) {
            if (iclamp.has("location")) {
                Stimulus.Location loc = location(iclamp.get("location"), "iclamp.location");
                if (!loc.section().equals("soma") || loc.x() != 0.5) {
                    throw error("iclamp.location", "only soma(0.5) is supported, was " + loc);
                }
            }
            if (iclamp.has("amp_nA")) {
                amp = number(iclamp, "amp_nA", "iclamp.");
            }
            if (iclamp.has("dur_ms")) {
                dur = number(iclamp, "dur_ms", "iclamp.");
                if (dur < 0) {
                    throw error("iclamp.dur_ms", "must be >= 0, was " + dur);
                }
            }
        }
        double delay = root.has("netcon_delay_ms") ? number(root, "netcon_delay_ms", null) : 1.0;
        if (delay < 0) {
            throw error("netcon_delay_ms", "must be >= 0, was " + delay);
        }
        List<Stimulus.Location> recordV = new ArrayList<>();
        JsonNode rv = root.get("record_v");
        if (rv != null) {
            if (!rv.isArray()) {
                throw error("record_v", "must be a list of [section, x] pairs");
            }
            for (int i = 0; i < rv.size(); i++) {
                recordV.add(location(rv.get(i), "record_v[" + i + "]"));
            }
        }
        int[] recordSpines = new int[0];
        JsonNode rs = root.get("record_spines");
        if (rs != null) {
            if (!rs.isArray()) {
                throw error("record_spines", "must be a list of spine numbers");
            }
            recordSpines = new int[rs.size()];
            for (int i = 0; i < rs.size(); i++) {
                JsonNode s = rs.get(i);
                if (!s.canConvertToInt() || !s.isIntegralNumber() || s.asInt() < 0 || s.asInt() >= spines) {
                    throw error("record_spines[" + i + "]", "must be a spine number 0.." + (spines - 1) + ", was " + s);
                }
                recordSpines[i] = s.asInt();
            }
        }
        int saveEvery = 1;
        if (root.has("save_every")) {
            JsonNode s = root.get("save_every");
            if (!s.isIntegralNumber() || s.asInt() < 1) {
                throw error("save_every", "must be an integer >= 1, was " + s);
            }
            saveEvery = s.asInt();
        }
        return new Stimulus(vInit, tstop, dt, celsius, threshold, preTimes, post, amp, dur, delay,
                List.copyOf(recordV), recordSpines, saveEvery);
    }

    private double[] times(JsonNode list, String key, double tstop) {
        if (list == null || !list.isArray()) {
            throw error(key, "must be a list of spike times (ms)");
        }
        double[] t = new double[list.size()];
        for (int i = 0; i < t.length; i++) {
            JsonNode v = list.get(i);
            if (!v.isNumber()) {
                throw error(key + "[" + i + "]", "must be a number, was " + v);
            }
            t[i] = v.asDouble();
            if (!Double.isFinite(t[i]) || t[i] < 0) {
                throw error(key + "[" + i + "]", "must be a finite time >= 0 ms, was " + v);
            }
            if (t[i] > tstop) {
                throw error(key + "[" + i + "]", "is " + t[i] + " ms, beyond tstop " + tstop + " ms");
            }
            if (i > 0 && t[i] < t[i - 1]) {
                throw error(key + "[" + i + "]", "is " + t[i] + " ms, before the previous time " + t[i - 1]
                        + " ms: times must be in increasing order");
            }
        }
        return t;
    }

    private Stimulus.Location location(JsonNode node, String key) {
        if (node == null || !node.isArray() || node.size() != 2 || !node.get(0).isTextual() || !node.get(1).isNumber()) {
            throw error(key, "must be [section name, x], was " + node);
        }
        double x = node.get(1).asDouble();
        if (!(x >= 0 && x <= 1)) {
            throw error(key, "location x must be in [0, 1], was " + x);
        }
        return new Stimulus.Location(node.get(0).asText(), x);
    }

    private JsonNode required(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            throw error(key, "is required but missing");
        }
        return v;
    }

    private double number(JsonNode obj, String key, String prefix) {
        String name = prefix == null ? key : prefix + key;
        JsonNode v = obj.get(key);
        if (v == null || v.isNull()) {
            throw error(name, "is required but missing");
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw error(name, "must be a finite number, was " + v);
        }
        return v.asDouble();
    }

    private boolean bool(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        if (!v.isBoolean()) {
            throw error(key, "must be true or false, was " + v);
        }
        return v.asBoolean();
    }

    private IllegalArgumentException error(String key, String what) {
        return new IllegalArgumentException(source + ": key '" + key + "' " + what);
    }
}
