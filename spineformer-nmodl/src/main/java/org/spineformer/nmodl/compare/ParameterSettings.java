package org.spineformer.nmodl.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * Values {@code nmodl compare} gives a mechanism's fields in both simulators, before the run (a model's values,
 * where a file's defaults leave its rates 0 or nan): {@code --set MECHANISM.NAME=VALUE}, an array element as
 * {@code NAME[K]}.
 */
public record ParameterSettings(Map<String, Map<String, Double>> byMechanism) {

    /** No values: every mechanism at its defaults. */
    public static final ParameterSettings NONE = new ParameterSettings(Map.of());

    /** The settings of {@code --set} arguments; an {@link IllegalArgumentException} naming one that is not one. */
    public static ParameterSettings parse(List<String> sets) {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        for (String s : sets) {
            int dot = s.indexOf('.'), eq = s.indexOf('=');
            if (dot <= 0 || eq < dot + 2 || eq == s.length() - 1) {
                throw new IllegalArgumentException("--set " + s + ": expected MECHANISM.NAME=VALUE");
            }
            double value;
            try {
                value = Double.parseDouble(s.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--set " + s + ": " + s.substring(eq + 1) + " is not a number");
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("--set " + s + ": the value must be finite");
            }
            m.computeIfAbsent(s.substring(0, dot), k -> new LinkedHashMap<>()).put(s.substring(dot + 1, eq), value);
        }
        return new ParameterSettings(m);
    }

    /** The values given to {@code mechanism}'s fields (none: empty). */
    public Map<String, Double> of(String mechanism) {
        return byMechanism.getOrDefault(mechanism, Map.of());
    }

    /**
     * Checks, before any run, that every mechanism named is among {@code compiled} and each name a field a model
     * may set; an {@link IllegalArgumentException} naming the first that is not.
     */
    public void check(List<NmodlMechanism> compiled) {
        for (Map.Entry<String, Map<String, Double>> e : byMechanism.entrySet()) {
            NmodlMechanism m = compiled.stream().filter(c -> c.name().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--set " + e.getKey() + "." + e.getValue()
                            .keySet().iterator().next() + ": no file compared declares mechanism " + e.getKey()));
            for (Map.Entry<String, Double> field : e.getValue().entrySet()) {
                FieldSpec spec = m.fields().stream().filter(f -> f.name().equals(field.getKey())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("--set " + e.getKey() + "." + field.getKey()
                                + ": " + e.getKey() + " has no field " + field.getKey()));
                spec.validate(e.getKey(), field.getValue());
            }
        }
    }
}
