package org.spineformer.model.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spineformer.model.Location;
import org.spineformer.model.json.StrictJson;

/**
 * Reads the JSON protocol format (docs/user/protocol-format.md). Strict, in the manner of the description reader:
 * an unknown or missing key or a value of the wrong type or range is an error naming the file, the JSON pointer of
 * the key and the value, before anything is built. Names of mechanisms, sections and fields are checked against
 * the model when the protocol is prepared ({@link ProtocolRun#prepare}).
 */
public final class ProtocolReader {
    /** The value of the {@code format} key this reader reads. */
    public static final String FORMAT = "spineformer-protocol/1";

    /** {@code section(x)}, as in {@code "from": "apic[0](0)"}. */
    private static final Pattern LOCATION = Pattern.compile("(.+)\\(([^()]+)\\)");
    private static final String LARGEST_DIAMETER = "largest_diameter";
    /** The same range as the paper stimulus format's, for the same reason (a value in kelvin is an error). */
    private static final double MIN_CELSIUS = -20;
    private static final double MAX_CELSIUS = 60;
    /** NEURON's SEClamp default series resistance (MOhm). */
    private static final double DEFAULT_RS_MOHM = 1;

    private final String file;

    private ProtocolReader(String file) {
        this.file = file;
    }

    /** Reads a protocol file. */
    public static Protocol read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a protocol; {@code file} names it in errors. */
    public static Protocol read(InputStream in, String file) {
        return new ProtocolReader(file).protocol(StrictJson.parse(in, file));
    }

    private Protocol protocol(StrictJson o) {
        o.keys(Set.of("format", "tstop"), Set.of("description", "v_init", "dt", "celsius", "stimuli", "record",
                "save_every", "spike_threshold_mV", "init_steps"));
        String format = o.string("format");
        if (!format.equals(FORMAT)) {
            throw o.error("format", "must be \"" + FORMAT + "\", was \"" + format + "\"");
        }
        double tstop = o.positive("tstop");
        double dt = o.has("dt") ? o.positive("dt") : Protocol.DEFAULT_DT_MS;
        if (dt > tstop) {
            throw o.error("dt", "is " + dt + " ms, more than tstop " + tstop + " ms");
        }
        OptionalDouble vInit = o.has("v_init") ? OptionalDouble.of(o.number("v_init")) : OptionalDouble.empty();
        OptionalDouble celsius = OptionalDouble.empty();
        if (o.has("celsius")) {
            double c = o.number("celsius");
            if (c < MIN_CELSIUS || c > MAX_CELSIUS) {
                throw o.error("celsius", "is " + c + " degC, outside [" + MIN_CELSIUS + ", " + MAX_CELSIUS
                        + "]: the channels' temperature scaling is meaningless there (a value in kelvin or "
                        + "fahrenheit?)");
            }
            celsius = OptionalDouble.of(c);
        }
        int saveEvery = o.has("save_every") ? o.positiveInt("save_every") : 1;
        double threshold = o.has("spike_threshold_mV") ? o.number("spike_threshold_mV")
                : Protocol.DEFAULT_SPIKE_THRESHOLD_MV;
        Protocol.InitSteps init = null;
        if (o.has("init_steps")) {
            StrictJson i = o.object("init_steps");
            i.keys(Set.of("count", "dt"), Set.of());
            init = new Protocol.InitSteps(i.positiveInt("count"), i.positive("dt"));
        }
        List<Stimulus> stimuli = new ArrayList<>();
        Map<String, Integer> perType = new HashMap<>();
        for (StrictJson s : o.array("stimuli")) {
            stimuli.add(stimulus(s, perType));
        }
        List<Recording> records = new ArrayList<>();
        for (StrictJson r : o.array("record")) {
            records.add(recording(r));
        }
        try {
            return new Protocol(o.has("description") ? o.string("description") : "", tstop, vInit, dt, celsius,
                    stimuli, records, saveEvery, threshold, init);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(file) ? e.getMessage()
                    : file + ": " + e.getMessage(), e);
        }
    }

    private Stimulus stimulus(StrictJson s, Map<String, Integer> perType) {
        String type = s.string("type");
        Set<String> common = Set.of("type", "at");
        String label = switch (type) {
            case "IClamp" -> {
                s.keys(union(common, Set.of("amp_nA", "delay_ms", "dur_ms")), Set.of("name"));
                yield "iclamp";
            }
            case "SEClamp" -> {
                s.keys(union(common, Set.of("levels")), Set.of("name", "rs_MOhm"));
                yield "seclamp";
            }
            case "point_process" -> {
                s.keys(union(common, Set.of("mechanism")), Set.of("name", "parameters", "spikes_ms", "weight",
                        "delay_ms"));
                yield s.string("mechanism").toLowerCase(Locale.ROOT);
            }
            default -> throw s.error("type", "unknown stimulus type \"" + type
                    + "\" (known: IClamp, SEClamp, point_process)");
        };
        int index = perType.merge(label, 1, Integer::sum) - 1;
        String name = s.has("name") ? s.string("name") : label + index;
        return switch (type) {
            case "IClamp" -> new Stimulus.CurrentClamp(name, site(s.object("at")), s.number("amp_nA"),
                    s.nonNegative("delay_ms"), s.nonNegative("dur_ms"), s.where());
            case "SEClamp" -> voltageClamp(s, name);
            default -> pointProcess(s, name);
        };
    }

    private Stimulus voltageClamp(StrictJson s, String name) {
        List<Stimulus.Level> levels = new ArrayList<>();
        for (StrictJson l : s.array("levels")) {
            l.keys(Set.of("amp_mV", "dur_ms"), Set.of());
            levels.add(new Stimulus.Level(l.number("amp_mV"), l.nonNegative("dur_ms")));
        }
        if (levels.isEmpty() || levels.size() > Stimulus.VoltageClamp.MAX_LEVELS) {
            throw s.error("levels", "has " + levels.size() + " levels; NEURON's SEClamp has 1 to "
                    + Stimulus.VoltageClamp.MAX_LEVELS);
        }
        return new Stimulus.VoltageClamp(name, site(s.object("at")),
                s.has("rs_MOhm") ? s.positive("rs_MOhm") : DEFAULT_RS_MOHM, levels, s.where());
    }

    private Stimulus pointProcess(StrictJson s, String name) {
        Map<String, Double> params = new LinkedHashMap<>();
        if (s.has("parameters")) {
            StrictJson p = s.object("parameters");
            for (String k : p.fieldNames()) {
                params.put(k, p.number(k));
            }
        }
        List<Double> spikes = new ArrayList<>();
        if (s.has("spikes_ms")) {
            JsonNode a = s.node().get("spikes_ms");
            if (!a.isArray()) {
                throw s.error("spikes_ms", "must be an array of times (ms), was " + a);
            }
            for (int i = 0; i < a.size(); i++) {
                JsonNode t = a.get(i);
                if (!t.isNumber() || !(t.asDouble() >= 0) || Double.isInfinite(t.asDouble())) {
                    throw s.error("spikes_ms/" + i, "must be a finite time >= 0 ms, was " + t);
                }
                if (i > 0 && t.asDouble() < spikes.get(i - 1)) {
                    throw s.error("spikes_ms/" + i, "is " + t.asDouble() + " ms, before the previous time "
                            + spikes.get(i - 1) + " ms: times must be in increasing order");
                }
                spikes.add(t.asDouble());
            }
        } else if (s.has("weight") || s.has("delay_ms")) {
            throw s.error(s.has("weight") ? "weight" : "delay_ms", "belongs to spike delivery: give spikes_ms too");
        }
        double weight = s.has("weight") ? s.number("weight") : 1;
        double delay = s.has("delay_ms") ? s.nonNegative("delay_ms") : 0;
        return new Stimulus.PointProcessInput(name, site(s.object("at")), s.string("mechanism"), params, spikes,
                weight, delay, s.where());
    }

    private Recording recording(StrictJson r) {
        String column = r.has("column") ? r.string("column") : null;
        if (r.has("stimulus")) {
            r.keys(Set.of("variable", "stimulus"), Set.of("column"));
            return new Recording.OfStimulus(r.string("variable"), r.string("stimulus"), column, r.where());
        }
        r.keys(Set.of("variable", "at"), Set.of("column"));
        return new Recording.AtSite(r.string("variable"), site(r.object("at")), column, r.where());
    }

    private Site site(StrictJson o) {
        try {
            if (o.has("path_distance_um")) {
                o.keys(Set.of("path_distance_um", "from", "region"), Set.of("choose"));
                if (o.has("choose") && !o.string("choose").equals(LARGEST_DIAMETER)) {
                    throw o.error("choose", "must be \"" + LARGEST_DIAMETER + "\", was \"" + o.string("choose")
                            + "\"");
                }
                return new Site.ByDistance(o.nonNegative("path_distance_um"), location(o, "from"),
                        o.string("region"));
            }
            o.keys(Set.of("section", "x"), Set.of());
            return new Site.At(o.string("section"), o.number("x"));
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith(file)) {
                throw e;
            }
            throw new IllegalArgumentException(o.where() + ": " + e.getMessage(), e);
        }
    }

    private Location location(StrictJson o, String key) {
        String text = o.string(key);
        Matcher m = LOCATION.matcher(text);
        if (!m.matches()) {
            throw o.error(key, "must be a location section(x) such as \"soma[0](0.5)\", was \"" + text + "\"");
        }
        try {
            return new Location(m.group(1), Double.parseDouble(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw o.error(key, "must be a location section(x) with x in [0, 1], was \"" + text + "\"");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
