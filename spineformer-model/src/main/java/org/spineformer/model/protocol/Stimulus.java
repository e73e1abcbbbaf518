package org.spineformer.model.protocol;

import java.util.List;
import java.util.Map;

/**
 * One input of a protocol, placed at a {@link Site}. {@code name} names it for recordings (defaults: the type in
 * lower case and its index among the stimuli of that type, {@code iclamp0}, {@code seclamp0}, {@code epsp0});
 * {@code source} says where it was read (file and JSON pointer) for error messages.
 */
public sealed interface Stimulus {
    String name();

    Site at();

    String source();

    /** The mechanism that realizes it in the engine's catalogue. */
    String mechanism();

    /** NEURON's IClamp: {@code ampNa} nA while delay <= t < delay + dur. */
    record CurrentClamp(String name, Site at, double ampNa, double delayMs, double durMs, String source)
            implements Stimulus {
        @Override
        public String mechanism() {
            return "IClamp";
        }
    }

    /** NEURON's SEClamp: up to three command levels in sequence through the series resistance {@code rsMOhm}. */
    record VoltageClamp(String name, Site at, double rsMOhm, List<Level> levels, String source) implements Stimulus {
        /** The most levels NEURON's SEClamp has. */
        public static final int MAX_LEVELS = 3;

        public VoltageClamp {
            levels = List.copyOf(levels);
            if (levels.isEmpty() || levels.size() > MAX_LEVELS) {
                throw new IllegalArgumentException(source + ": an SEClamp has 1 to " + MAX_LEVELS + " levels, was "
                        + levels.size());
            }
        }

        @Override
        public String mechanism() {
            return "SEClamp";
        }
    }

    /** One command level of a voltage clamp: {@code ampMv} for {@code durMs}. */
    record Level(double ampMv, double durMs) {
    }

    /**
     * Any point process of the catalogue (built in or compiled from a mod file) with its parameters by field name,
     * and optionally spike times (ms) delivered to it through one connection of {@code weight} after
     * {@code delayMs}, as a NetCon from a VecStim.
     */
    record PointProcessInput(String name, Site at, String mechanism, Map<String, Double> parameters,
                             List<Double> spikeTimesMs, double weight, double delayMs, String source)
            implements Stimulus {
        public PointProcessInput {
            parameters = Map.copyOf(parameters);
            spikeTimesMs = List.copyOf(spikeTimesMs);
        }
    }
}
