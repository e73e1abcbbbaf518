package org.spineformer.nmodl;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code nrn_ghk(v, ci, co, z)}, NEURON's C function that a mod file may call undeclared (eion.cpp), against NEURON
 * 8.2.2 running the project's {@code mod/ions/nrnghk.mod} (a calcium current {@code pbar m^2 nrn_ghk(v, cai, cao,
 * 2)} at NEURON's default concentrations; references recorded by {@code reference/kinetic/record.py}, see
 * PROVENANCE.md), three voltage-clamp steps and a current clamp with pas, every column at the single-mechanism
 * bound ({@link SingleMechanismRun#TOLERANCE}).
 */
class NrnGhkReferenceTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void matchesNeuron(String runName) {
        SingleMechanismRun.assertMatchesNeuron("ions/nrnghk.mod", "ions/nrnghk", runName);
    }
}
