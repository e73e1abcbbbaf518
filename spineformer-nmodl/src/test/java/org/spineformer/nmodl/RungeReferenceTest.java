package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * METHOD runge against NEURON 8.2.2 running the project's {@code mod/runge/rk.mod} (x' and w' coupled, w' reading
 * t; reference recorded by {@code reference/kinetic/record.py}, PROVENANCE.md): scopmath's fourth-order Runge-Kutta
 * with its four evaluations at t, t + dt/2 twice and t + dt; three voltage-clamp steps and a current clamp with
 * pas, every column.
 */
class RungeReferenceTest {
    @ParameterizedTest
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void rungeMatchesNeuron(String runName) {
        SingleMechanismRun.assertMatchesNeuron("runge/rk.mod", "runge/rk", runName);
    }

    /**
     * A DERIVATIVE block's SOLVE without METHOD, which nocmodl integrates by scopmath's adrunge() (adaptive
     * Runge-Kutta steps, t moved with them), against NEURON 8.2.2 running the project's {@code mod/runge/adr.mod}
     * (reference recorded by {@code reference/kinetic/record.py}), every column.
     */
    @ParameterizedTest
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void adrungeMatchesNeuron(String runName) {
        SingleMechanismRun.assertMatchesNeuron("runge/adr.mod", "runge/adr", runName);
    }

    /**
     * runge() moves the trial's t, which trials in lanes share: refused when the block is made (the message names the
     * file as first compiled: compiled classes are cached by the text's hash, another test may have named it).
     */
    @Test
    void trialsInLanesAreRefused() {
        NmodlMechanism compiled = NmodlMechanism.compile("rk.mod", Resources.text("/mod/runge/rk.mod"));
        assertThatThrownBy(() -> compiled.newBlock(new int[] {0}, 2)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageEndingWith("rk.mod: METHOD runge moves the trial's t (as NEURON's runge() moves its thread's):"
                        + " trials in lanes not supported");
    }

    /** adrunge's step size goes on from instance to instance, and it moves t: trials in lanes refused, with why. */
    @Test
    void adrungeInLanesIsRefused() {
        NmodlMechanism compiled = NmodlMechanism.compile("adr.mod", Resources.text("/mod/runge/adr.mod"));
        assertThatThrownBy(() -> compiled.newBlock(new int[] {0}, 2)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageEndingWith("adr.mod: METHOD adrunge (a DERIVATIVE block's SOLVE without METHOD) moves the"
                        + " trial's t and continues its step size from instance to instance: trials in lanes not"
                        + " supported");
    }
}
