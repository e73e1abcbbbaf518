package org.spineformer.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.engine.morph.Morphology;

/**
 * A description applied to a morphology: the final sections (nseg, diameters, cm, Ra) and every painted value per
 * segment, spines, synapses and point processes. Mechanisms are names here; nothing is checked against a catalogue
 * until {@link ModelLowering}.
 *
 * @param mechanismOrder  density mechanisms in order of first appearance (the order of the simulation's blocks)
 * @param mechanisms      per section: mechanism -> parameter -> value per segment (NaN: not painted, the
 *                        mechanism's default)
 * @param ions            per section: ion variable (ena, ek, cai, ...) -> value per segment (NaN: not painted)
 * @param fixedReversals  per section: the reversal potentials (ena, eca, ...) a rule painted as fixed (never
 *                        recomputed by Nernst: NEURON's ion_style with neither einit nor eadvance)
 * @param sources         where each density mechanism and each mechanism.parameter was first painted (for errors)
 * @param distanceOrigin  the section index and x of the description's distance origin
 * @param morphologyWarnings what reading the description's morphology file changed or skipped (contours, markers,
 *                        ...; {@code ImportedMorphology.warnings}); empty for inline sections
 * @param skippedRules    the rules whose region names only section types this cell lacks (a template's apical rules
 *                        on a cell without apical dendrites): each did nothing, as NEURON's {@code forsec} over an
 *                        empty list; for the console, one line per such region naming its rules
 */
public record AssembledCell(String name, Morphology morphology, List<String> mechanismOrder,
                            List<Map<String, Map<String, double[]>>> mechanisms,
                            List<Map<String, double[]>> ions, List<Set<String>> fixedReversals,
                            Map<String, String> sources, List<Spine> spines,
                            List<PlacedSynapse> synapses, List<PlacedPointProcess> pointProcesses,
                            int distanceOriginSection, double distanceOriginX, double celsius, double vInitMv,
                            List<String> morphologyWarnings, List<String> skippedRules) {
    public AssembledCell {
        morphologyWarnings = List.copyOf(morphologyWarnings);
        skippedRules = List.copyOf(skippedRules);
    }

    /** A spine's sections. */
    public record Spine(int neck, int head) {
    }

    /** A point process on a spine head, with its connections' weight and delay. */
    public record PlacedSynapse(String source, int spine, String name, String mechanism, int section, double x,
                                Map<String, Double> parameters, double weight, double delayMs) {
    }

    /** A named point process of the description. */
    public record PlacedPointProcess(String source, String name, String mechanism, int section, double x,
                                     Map<String, Double> parameters) {
    }

    /** The value of a painted mechanism parameter in a segment, NaN if unpainted or not inserted. */
    public double parameter(int section, int segment, String mechanism, String parameter) {
        Map<String, double[]> m = mechanisms.get(section).get(mechanism);
        double[] v = m == null ? null : m.get(parameter);
        return v == null ? Double.NaN : v[segment];
    }
}
