package org.spineformer.cli;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * NEURON 8.2.2's wall times for the bundled protocols of the published models, as recorded with the reference data
 * ({@code reference/models/MODEL/protocols/P/result.json}, key {@code wall_seconds_neuron_8_2_2}: finitialize and
 * continuerun only, the reference's recordings attached, the faster of two runs, on a 2-core machine of this kind
 * another day). Copied here because a fresh clone has no reference folder. {@code bench --model}'s comparison when
 * NEURON is not timed in the same run; a time from another day on a shared VM is a rough guide only.
 */
final class ReferenceNeuronTimes {
    private static final Map<String, Double> SECONDS = Map.ofEntries(
            Map.entry("allen_scnn1a/step_0p05", 0.4088256359100342),
            Map.entry("allen_scnn1a/step_0p08", 0.41138768196105957),
            Map.entry("allen_scnn1a/step_0p3", 0.4110143184661865),
            Map.entry("hay2011_l5pc/bac_firing", 2.8672523498535156),
            Map.entry("hay2011_l5pc/bac_firing_celsius34", 2.9114561080932617),
            Map.entry("hay2011_l5pc/step_0p3", 6.926140785217285),
            Map.entry("hay2011_l5pc/step_0p45", 6.70180344581604),
            Map.entry("hay2011_l5pc/step_1p507", 6.75484299659729),
            Map.entry("migliore2018_ca1/fig4a_0p8", 20.23462200164795),
            Map.entry("migliore2018_ca1/step_0p2", 22.163742303848267),
            Map.entry("migliore2018_ca1/step_0p4", 23.26302456855774),
            Map.entry("migliore2018_ca1/step_1p2", 24.66773247718811));

    private ReferenceNeuronTimes() {
    }

    /** NEURON's recorded seconds for the bundled protocol {@code protocol} of {@code model}, if recorded. */
    static OptionalDouble seconds(String model, String protocol) {
        Double s = SECONDS.get(model + "/" + protocol);
        return s == null ? OptionalDouble.empty() : OptionalDouble.of(s);
    }

    /** Where {@link #seconds} comes from, for bench.json and the console. */
    static String source(String model, String protocol) {
        return "reference/models/" + model + "/protocols/" + protocol + "/result.json";
    }
}
