package org.spineformer.cell.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The stimuli that ship with Spineformer (NEURON reference inputs), by name. */
public final class BundledStimuli {
    /** A successful match-and-control trial: the matched axon (spines 410-419) wins. */
    public static final String CONTROL_SUCCESS = "control_1s_b";
    /** A failed trial of the same protocol (spines 1270-1279 stay below threshold). */
    public static final String CONTROL_FAILED = "control_1s";

    private BundledStimuli() {
    }

    /** The JSON text of a bundled stimulus. */
    public static String json(String name) {
        try (InputStream in = BundledStimuli.class.getResourceAsStream("/org/spineformer/cell/stimuli/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled stimulus '" + name + "'");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bundled stimulus, parsed, for a cell with the given number of spines. */
    public static Stimulus load(String name, int spines) {
        return StimulusReader.parse(json(name), "bundled stimulus " + name, spines);
    }
}
