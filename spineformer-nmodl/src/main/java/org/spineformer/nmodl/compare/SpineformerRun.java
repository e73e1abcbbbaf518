package org.spineformer.nmodl.compare;

import static org.spineformer.nmodl.compare.CompareProtocol.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.SingleCompartment;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.event.Synapse;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Ion;
import org.spineformer.engine.record.Recorder;
import org.spineformer.nmodl.gen.NmodlMechanism;

/** A run of {@link CompareProtocol} made here, with the compiled mechanism, recording NEURON's columns. */
public final class SpineformerRun {
    private SpineformerRun() {
    }

    /**
     * {@code compiled} (the mechanism {@code m}, its fields given {@code values}) run under {@code protocol} at
     * {@code celsius}, recording each of
     * {@code columns} (NEURON's CSV's: v, the mechanism's fields, {@code ion.ex} ...) that it has; the others are
     * left out of the recorder (a column NEURON lists and the compiled mechanism does not have).
     */
    public static Recorder run(NmodlMechanism compiled, ComparedMechanism m, Map<String, Double> values,
                               CompareProtocol protocol, double celsius, List<String> columns) {
        // the compiled file takes the place of the project's own mechanism of its name (the paper's Ca_HVA ...),
        // as NEURON has only the library's; a file named as one of NEURON's built-ins, which NEURON refuses to load,
        // is reported by Comparison and never run here
        Catalogue catalogue = Catalogue.discover().withReplacements(List.of(compiled), replaced -> { });
        SingleCompartment c = new SingleCompartment(L_UM, DIAM_UM, RA_OHM_CM, CM_UF_CM2, 1, catalogue);
        if (!protocol.voltageClamp()) {
            c.insertPas(PAS_G, PAS_E_MV);
        }
        int instance = 0;
        if (m.pointProcess()) {
            PointProcess pp = c.builder().addPointProcess(m.name(), c.section(), X, values);
            instance = pp.instance();
            if (protocol == NETSTIM) {
                c.builder().addSpikeSource(netStimTimesMs(), List.of(new Synapse(pp, NETCON_WEIGHT,
                        NETCON_DELAY_MS)));
            }
        } else {
            c.builder().insert(m.name(), c.section(), values);
        }
        if (protocol.voltageClamp()) {
            c.addSEClamp(X, RS_MOHM, new double[] {DUR1_MS, DUR2_MS, DUR3_MS},
                    new double[] {HOLD_MV, protocol.stepMV(), HOLD_MV});
        } else if (protocol == ICLAMP) {
            c.addIClamp(X, ICLAMP_DELAY_MS, ICLAMP_DUR_MS, ICLAMP_AMP_NA);
        }
        Simulation sim = c.builder().build(DT_MS, celsius);
        int node = c.node(sim);
        Set<String> fields = compiled.fields().stream().map(FieldSpec::name).collect(Collectors.toSet());
        Recorder rec = new Recorder(1);
        for (String column : columns) {
            if (column.equals("v")) {
                rec.add(column, sim.state().v, node);
            } else if (column.startsWith("ion.")) {
                double[] ion = ionVariable(sim, m, column.substring("ion.".length()));
                if (ion != null) {
                    rec.add(column, ion, node);
                }
            } else if (fields.contains(column)) {
                rec.add(column, sim.block(m.name()).column(column), instance);
            }
        }
        return SingleCompartment.run(sim, rec, protocol.vInitMV(), TSTOP_MS);
    }

    /** NEURON's {@code ex}, {@code ix}, {@code xi} or {@code xo} of one of {@code m}'s ions, or null. */
    private static double[] ionVariable(Simulation sim, ComparedMechanism m, String variable) {
        for (String name : m.ions()) {
            Ion ion = sim.state().ion(name);
            if (variable.equals("e" + name)) {
                return ion.reversal();
            } else if (variable.equals("i" + name)) {
                return ion.current();
            } else if (variable.equals(name + "i")) {
                return ion.concentration;
            } else if (variable.equals(name + "o")) {
                return ion.outside;
            }
        }
        return null;
    }
}
