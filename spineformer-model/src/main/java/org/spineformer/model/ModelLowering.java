package org.spineformer.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.FieldRole;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;

/**
 * Lowers an {@link AssembledCell} onto the engine: checks every mechanism and parameter against a catalogue (all
 * checks before anything is built), then inserts the density mechanisms in order of first appearance, section by
 * section, and places synapses and point processes.
 */
public final class ModelLowering {
    private ModelLowering() {
    }

    public static LoweredCell lower(AssembledCell cell, Catalogue catalogue) {
        check(cell, catalogue);
        ModelBuilder builder = new ModelBuilder(cell.morphology(), catalogue);
        for (String name : cell.mechanismOrder()) {
            Mechanism m = catalogue.get(name);
            for (int s = 0; s < cell.morphology().size(); s++) {
                Map<String, double[]> painted = cell.mechanisms().get(s).get(name);
                if (painted == null) {
                    continue;
                }
                int nseg = cell.morphology().section(s).nseg();
                List<Map<String, Double>> perSegment = new ArrayList<>();
                for (int j = 0; j < nseg; j++) {
                    perSegment.add(segmentValues(m, painted, cell.ions().get(s), j));
                }
                try {
                    builder.insert(name, s, perSegment.get(0));
                    for (int j = 1; j < nseg; j++) {
                        for (Map.Entry<String, Double> e : perSegment.get(j).entrySet()) {
                            if (!e.getValue().equals(perSegment.get(0).get(e.getKey()))) {
                                m.field(e.getKey()).validate(name, e.getValue());
                                builder.setSegmentParameter(name, s, j, e.getKey(), e.getValue());
                            }
                        }
                        for (String key : perSegment.get(0).keySet()) {
                            if (!perSegment.get(j).containsKey(key)) {
                                builder.setSegmentParameter(name, s, j, key, m.field(key).defaultValue());
                            }
                        }
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(cell.sources().get(name) + ": section "
                            + cell.morphology().section(s).name() + ": " + e.getMessage(), e);
                }
            }
        }
        for (int s = 0; s < cell.morphology().size(); s++) {
            setReversalPotentials(builder, cell, catalogue, s);
        }
        Map<Integer, Map<String, PointProcess>> spineSynapses = new LinkedHashMap<>();
        Map<String, PointProcess> handles = new LinkedHashMap<>();
        for (AssembledCell.PlacedSynapse syn : cell.synapses()) {
            PointProcess p = place(builder, syn.source(), syn.mechanism(), syn.section(), syn.x(), syn.parameters());
            spineSynapses.computeIfAbsent(syn.spine(), k -> new LinkedHashMap<>()).put(syn.name(), p);
        }
        for (AssembledCell.PlacedPointProcess pp : cell.pointProcesses()) {
            handles.put(pp.name(), place(builder, pp.source(), pp.mechanism(), pp.section(), pp.x(), pp.parameters()));
        }
        return new LoweredCell(cell, builder, spineSynapses, handles);
    }

    private static PointProcess place(ModelBuilder builder, String source, String mechanism, int section, double x,
                                      Map<String, Double> parameters) {
        try {
            return builder.addPointProcess(mechanism, section, x, parameters);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The painted reversal potentials ({@code ena}, {@code ek} ...) that a mechanism of the section reads from the
     * ion rather than as a parameter (compiled from {@code USEION na READ ena}) go to the ion at each segment's node,
     * as NEURON's per-section ion values; those painted as fixed stay so (no Nernst at initialization or later).
     */
    private static void setReversalPotentials(ModelBuilder builder, AssembledCell cell, Catalogue catalogue, int s) {
        for (Map.Entry<String, double[]> e : cell.ions().get(s).entrySet()) {
            boolean read = false;
            for (String mech : cell.mechanisms().get(s).keySet()) {
                read |= readsReversal(catalogue.get(mech), e.getKey());
            }
            if (!read) {
                continue;
            }
            String ion = e.getKey().substring(1);
            boolean fixed = cell.fixedReversals().get(s).contains(e.getKey());
            for (int j = 0; j < e.getValue().length; j++) {
                if (!Double.isNaN(e.getValue()[j])) {
                    builder.setReversalPotential(ion, s, j, e.getValue()[j], fixed);
                }
            }
        }
    }

    /** Whether the mechanism reads the ion variable (ena, ek ...) as a reversal potential from the ion. */
    private static boolean readsReversal(Mechanism m, String variable) {
        return variable.startsWith("e") && m.reversalPotentialsRead().contains(variable.substring(1));
    }

    /** Painted values of one segment, plus the painted ion values the mechanism has a parameter for. */
    private static Map<String, Double> segmentValues(Mechanism m, Map<String, double[]> painted,
                                                     Map<String, double[]> ions, int j) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : painted.entrySet()) {
            double v = e.getValue()[Math.min(j, e.getValue().length - 1)];
            if (!Double.isNaN(v)) {
                values.put(e.getKey(), v);
            }
        }
        for (Map.Entry<String, double[]> e : ions.entrySet()) {
            double v = e.getValue()[j];
            if (!Double.isNaN(v) && !values.containsKey(e.getKey()) && isParameter(m, e.getKey())) {
                values.put(e.getKey(), v);
            }
        }
        return values;
    }

    private static boolean isParameter(Mechanism m, String field) {
        for (FieldSpec f : m.fields()) {
            if (f.name().equals(field)) {
                return f.role() == FieldRole.PARAMETER;
            }
        }
        return false;
    }

    /** Every name against the catalogue, before anything is built. */
    private static void check(AssembledCell cell, Catalogue catalogue) {
        for (String name : cell.mechanismOrder()) {
            Mechanism m = known(catalogue, name, cell.sources().get(name));
            if (m.kind() != Mechanism.Kind.DENSITY) {
                throw new IllegalArgumentException(cell.sources().get(name) + ": " + name
                        + " is a point process, not a density mechanism");
            }
        }
        for (int s = 0; s < cell.morphology().size(); s++) {
            for (Map.Entry<String, Map<String, double[]>> e : cell.mechanisms().get(s).entrySet()) {
                Mechanism m = catalogue.get(e.getKey());
                for (String p : e.getValue().keySet()) {
                    requireSettable(m, p, cell.sources().get(e.getKey() + "." + p));
                }
            }
            for (String ion : cell.ions().get(s).keySet()) {
                boolean used = false;
                for (String mech : cell.mechanisms().get(s).keySet()) {
                    used |= isParameter(catalogue.get(mech), ion) || readsReversal(catalogue.get(mech), ion);
                }
                if (!used) {
                    throw new IllegalArgumentException("ions: " + ion + " is painted on section "
                            + cell.morphology().section(s).name() + ", where no mechanism has a parameter " + ion
                            + " or reads it from the ion");
                }
            }
        }
        for (AssembledCell.PlacedSynapse syn : cell.synapses()) {
            checkPoint(catalogue, syn.source(), syn.mechanism(), syn.parameters());
        }
        for (AssembledCell.PlacedPointProcess pp : cell.pointProcesses()) {
            checkPoint(catalogue, pp.source(), pp.mechanism(), pp.parameters());
        }
    }

    private static void checkPoint(Catalogue catalogue, String source, String name, Map<String, Double> params) {
        Mechanism m = known(catalogue, name, source);
        if (m.kind() == Mechanism.Kind.DENSITY) {
            throw new IllegalArgumentException(source + ": " + name
                    + " is a density mechanism, not a point process");
        }
        for (String p : params.keySet()) {
            requireSettable(m, p, source);
        }
    }

    /** {@link Mechanism#requireSettable}, its error prefixed with where the description sets the field. */
    private static void requireSettable(Mechanism m, String field, String source) {
        try {
            m.requireSettable(field);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static Mechanism known(Catalogue catalogue, String name, String source) {
        if (!catalogue.contains(name)) {
            throw new IllegalArgumentException(source + ": unknown mechanism '" + name
                    + "' (not in the catalogue: " + catalogue.all().stream().map(Mechanism::name).toList() + ")");
        }
        return catalogue.get(name);
    }
}
