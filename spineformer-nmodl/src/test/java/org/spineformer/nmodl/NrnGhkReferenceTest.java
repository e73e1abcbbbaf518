package org.spineformer.nmodl;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * {@code nrn_ghk(v, ci, co, z)}, NEURON's C function that a mod file may call undeclared (eion.cpp), against NEURON
 * 8.2.2 running the project's {@code mod/ions/nrnghk.mod} (a calcium current {@code pbar m^2 nrn_ghk(v, cai, cao,
 * 2)} at NEURON's default concentrations; references recorded by {@code reference/kinetic/record.py}, see
 * PROVENANCE.md), three voltage-clamp steps and a current clamp with pas, every column at the single-mechanism
 * bound ({@link KineticReferenceTest#TOLERANCE}).
 */
class NrnGhkReferenceTest {
    private static final List<String> RUNS = List.of("vclamp_m60", "vclamp_m20", "vclamp_p20", "iclamp");

    static Stream<Arguments> runs() {
        return RUNS.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void matchesNeuron(String runName) {
        ReferenceRun ref = ReferenceRun.load("/reference/ions/nrnghk/" + runName);
        NmodlMechanism compiled = NmodlMechanism.compile("nrnghk.mod", Resources.text("/mod/ions/nrnghk.mod"));
        Recorder rec = KineticReferenceTest.run(ref, compiled);
        KineticReferenceTest.assertEveryColumn("nrnghk " + runName, ref, rec);
    }
}
