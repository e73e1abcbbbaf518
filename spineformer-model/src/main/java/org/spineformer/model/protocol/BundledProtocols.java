package org.spineformer.model.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The protocols shipped for the bundled published models (resources {@code protocols/<model>/<name>.json}): one for
 * each NEURON reference run, written from its {@code input.json}.
 */
public final class BundledProtocols {
    /** Every bundled protocol, by model. */
    public static final Map<String, List<String>> NAMES = Map.of(
            "allen_scnn1a", List.of("step_0p05", "step_0p08", "step_0p3"),
            "hay2011_l5pc", List.of("bac_firing", "bac_firing_celsius34", "step_0p3", "step_0p45", "step_1p507"),
            "migliore2018_ca1", List.of("fig4a_0p8", "step_0p2", "step_0p4", "step_1p2"));

    private BundledProtocols() {
    }

    public static boolean has(String model, String name) {
        return NAMES.getOrDefault(model, List.of()).contains(name);
    }

    /** The protocol {@code name} of {@code model}. */
    public static Protocol get(String model, String name) {
        return ProtocolReader.read(new ByteArrayInputStream(bytes(model, name)), label(model, name));
    }

    /** How errors and provenance name a bundled protocol: {@code bundled:protocols/<model>/<name>.json}. */
    public static String label(String model, String name) {
        return "bundled:protocols/" + model + "/" + name + ".json";
    }

    /** The file's bytes, for its SHA-256 in a run's provenance. */
    public static byte[] bytes(String model, String name) {
        if (!has(model, name)) {
            throw new IllegalArgumentException("no bundled protocol '" + name + "' for model '" + model + "'"
                    + (NAMES.containsKey(model) ? "; its protocols: " + NAMES.get(model)
                    : "; bundled protocols exist for " + NAMES.keySet().stream().sorted().toList()));
        }
        String resource = "/org/spineformer/model/protocols/" + model + "/" + name + ".json";
        try (InputStream in = BundledProtocols.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled protocol " + resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
