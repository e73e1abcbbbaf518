package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlException;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * PARAMETER, ASSIGNED and STATE arrays against NEURON 8.2.2 running the project's {@code mod/arrays/arrgate.mod}
 * (references recorded by {@code reference/kinetic/record.py}, see PROVENANCE.md): three gates m[0..2] in a STATE
 * array advanced by a PROCEDURE with FROM loops, their steady states, time constants and factors in ASSIGNED arrays,
 * weights in a PARAMETER array set per instance as {@code w[0]}..{@code w[2]}, and nocmodl's integer index
 * expressions: {@code inf[NG/2*2]} (C's int division: element 2, where real division would read past the array),
 * {@code inf[sel]} with sel = 1.7 (truncated to 1), {@code m[INT(sel*1.5)]} (element 2), a FROM index read as a
 * double in {@code j/2}; the rates are a PROCEDURE TABLE of the three ASSIGNED arrays (NEURON's default usetable 1,
 * every element tabulated and interpolated). Every column at 1e-6 of the trace's scale.
 */
class ArraysReferenceTest {
    @ParameterizedTest(name = "arrgate {0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void matchesNeuron(String runName) {
        SingleMechanismRun.assertMatchesNeuron("arrays/arrgate.mod", "arrays/arrgate", runName);
    }

    /**
     * LOCAL arrays in a PROCEDURE and a FUNCTION (C's local arrays): the project's {@code mod/arrays/larr.mod}
     * against NEURON 8.2.2 ({@code reference/arrays/larr}), every column at 1e-6 of the trace's scale, with its
     * channel's tables of v on (the default) and off.
     */
    @ParameterizedTest(name = "larr {0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void localArraysMatchNeuron(String runName) {
        ReferenceRun ref = ReferenceRun.load("/reference/arrays/larr/" + runName);
        NmodlMechanism compiled = NmodlMechanism.compile("larr.mod", Resources.text("/mod/arrays/larr.mod"));
        for (boolean tables : List.of(true, false)) {
            Recorder rec = SingleMechanismRun.run(ref, compiled, tables);
            SingleMechanismRun.assertEveryColumn("larr " + runName + " tables " + tables, ref, rec);
        }
    }

    /** A LOCAL array of a block read without an index: refused with its name, as nocmodl ("needs an index"). */
    @Test
    void aLocalArrayWithoutIndexIsRefused() {
        assertThatThrownBy(() -> NmodlMechanism.compile("q.mod", "NEURON { SUFFIX q }\nASSIGNED { b }\n"
                + "INITIAL { LOCAL q[2]\n  q[1] = 1\n  b = q\n}\n")).isInstanceOf(NmodlException.class)
                .hasMessageContaining("q.mod:5:7:");
    }

    /** An array is one field per element, named as NEURON names them, with the declaration's unit. */
    @Test
    void eachElementIsAField() {
        NmodlMechanism compiled = NmodlMechanism.compile("arrgate.mod", Resources.text("/mod/arrays/arrgate.mod"));
        List<String> names = compiled.fields().stream().map(FieldSpec::name).toList();
        assertThat(names).containsSubsequence("w[0]", "w[1]", "w[2]", "sel");
        assertThat(names).contains("m[0]", "m[1]", "m[2]", "inf[0]", "inf[2]", "tau[1]", "fac[2]");
        assertThat(names).doesNotContain("w", "m", "m[3]");
        assertThat(compiled.fields().stream().filter(f -> f.name().equals("tau[1]")).findFirst().orElseThrow().unit())
                .isEqualTo("ms");
    }
    /**
     * A FROM index named like a LOCAL of the block is its own int, as in nocmodl's C (a nested block's declaration):
     * the LOCAL keeps its value. NEURON 8.2.2 initializing this file gives x = {0, 10.5, 21} and y = 5 (run once
     * by hand; Wang and Buzsaki's published naf.mod has such a loop).
     */
    @Test
    void aFromIndexShadowsALocalOfTheSameName() {
        NmodlMechanism m = NmodlMechanism.compile("shadow.mod", "NEURON { SUFFIX shadow RANGE x, y }\n"
                + "ASSIGNED { x[3] y }\nINITIAL { LOCAL j\n    j = 5\n    FROM j = 0 TO 2 { x[j] = 10*j + j/2 }\n"
                + "    y = j\n}\n");
        CellState s = new CellState(new double[] {100}, new double[] {100}, 0.025, 6.3);
        MechanismBlock block = m.newBlock(new int[] {0});
        block.attach(s);
        block.initialize(s);
        assertThat(List.of(block.get("x[0]", 0), block.get("x[1]", 0), block.get("x[2]", 0), block.get("y", 0)))
                .containsExactly(0.0, 10.5, 21.0, 5.0);
    }

    /**
     * An array of 20000 elements (as HNN's APCounter2.mod: {@code DEFINE MAXAP 20000}, {@code times[MAXAP]})
     * compiles, its last element a field of the block: the generated class makes the elements' columns by a loop
     * (one initializer per element passed the constructor's 64 KB of bytecode, a Janino compile error).
     */
    @Test
    void anArrayOfTwentyThousandElementsCompiles() {
        NmodlMechanism m = NmodlMechanism.compile("times.mod", "NEURON { POINT_PROCESS times }\nDEFINE N 20000\n"
                + "ASSIGNED { times[N] n }\nINITIAL { n = 0 }\n");
        assertThat(m.fields().stream().map(FieldSpec::name)).contains("times[0]", "times[19999]")
                .hasSize(20001);
        MechanismBlock block = m.newBlock(new int[] {0, 0});
        assertThat(block.get("times[19999]", 1)).isZero();
    }
}
