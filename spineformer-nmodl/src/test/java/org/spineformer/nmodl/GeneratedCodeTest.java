package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The shape of the generated Java where it decides speed (docs/dev/nmodl.md, "Speed"); the numbers it computes are
 * the reference tests' business.
 */
class GeneratedCodeTest {
    private static List<String> lines(String resource) {
        String source = NmodlMechanism.compile(resource, Resources.text(resource)).javaSource();
        return Arrays.stream(source.split("\n")).map(String::strip).toList();
    }

    @Test
    void operationsOnConstantsAreEvaluatedOncePerClass() {
        // NaTa_t's settle: qt = 2.3^((34 - 21)/10), a power of constants, evaluated in every call before
        List<String> pow = lines("/mod/hay2011/NaTa_t.mod").stream().filter(l -> l.contains("Math.pow")).toList();
        assertThat(pow).containsExactly("private static final double C_0 = Math.pow(2.3, ((34.0 - 21.0) / 10.0));");
    }

    @Test
    void aPureFunctionRepeatedInADerivativeEquationIsCalledOnce() {
        // SKv3_1: m' = (mInf(v) - m)/mTau(v); cnexp's slope -1/mTau(v) and f0 mInf(v)/mTau(v) repeat mTau(v)
        List<String> calls = lines("/mod/hay2011/SKv3_1.mod").stream().filter(l -> l.contains("f_mTau(k, s, c_v[k])"))
                .toList();
        assertThat(calls).containsExactly("double u_0 = f_mTau(k, s, c_v[k]);");
    }

    /** The lines of the generated method that starts with {@code header}, up to its closing brace. */
    private static List<String> method(List<String> lines, String header) {
        int start = lines.indexOf(header);
        assertThat(start).as(header).isNotNegative();
        List<String> body = new java.util.ArrayList<>();
        int depth = 1;
        for (String l : lines.subList(start + 1, lines.size())) {
            depth += (int) l.chars().filter(ch -> ch == '{').count() - (int) l.chars().filter(ch -> ch == '}').count();
            if (depth == 0) {
                break;
            }
            body.add(l);
        }
        return body;
    }

    @Test
    void theSynapsesSigmoidOfCalciumIsComputedOncePerCurrentPhase() {
        // AMPA_WITH_CA: alpha = sig(... g_dynamic_delayed ...) does not depend on v; nocmodl computes it at
        // v + 0.001 and at v
        List<String> lines = lines("/mod/ellwood2024/AMPA_WITH_CA.mod");
        assertThat(method(lines, "private void currentOnce(int k, CellState s) {"))
                .anyMatch(l -> l.startsWith("c_alpha[k] = f_sig(")).contains("c_g[k] = (c_Gampa[k] - c_Aampa[k]);");
        assertThat(method(lines, "private double current(int k, CellState s, double vk) {"))
                .noneMatch(l -> l.contains("f_sig") || l.contains("c_g[k] ="));
    }

    @Test
    void theCurrentPhaseCopiesOnlyWhatItReads() {
        // AMPA_WITH_CA reads cai in its DERIVATIVE only; v goes to the evaluations as an argument
        assertThat(method(lines("/mod/ellwood2024/AMPA_WITH_CA.mod"), "@Override public void currents(CellState s) {"))
                .noneMatch(l -> l.startsWith("c_cai[k] =") || l.startsWith("c_v[k] ="));
        // cadspine has no current: nothing is left (the reversal potential's update, NEURON's ion_cur, is the
        // engine's, once per node, at the nodes attach gives it)
        List<String> cadspine = lines("/mod/ellwood2024/cadspine.mod");
        assertThat(method(cadspine, "@Override public void currents(CellState s) {"))
                .noneMatch(l -> l.contains("current(") || l.startsWith("s.rhs") || l.startsWith("s.d")
                        || l.startsWith("c_") || l.contains("nernst("));
        assertThat(method(cadspine, "@Override public void attach(CellState s) {"))
                .contains("ion_ca.followConcentrationsAt(laneNode[k]);");
    }

    @Test
    void theGeneratedJavaIsWrittenToTheDumpFolderWhenAsked(@TempDir Path dir) throws IOException {
        // a text compiled nowhere else (the cache is per text), so that this test's compilation is the first
        String text = Resources.text("/mod/hay2011/Im.mod") + "\n: GeneratedCodeTest's own copy\n";
        System.setProperty(NmodlMechanism.DUMP_DIR, dir.toString());
        NmodlMechanism m;
        try {
            m = NmodlMechanism.compile("Im copy", text);
        } finally {
            System.clearProperty(NmodlMechanism.DUMP_DIR);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> written = files.toList();
            assertThat(written).hasSize(1);
            assertThat(written.get(0).getFileName().toString()).startsWith("Im_Mod_").endsWith(".java");
            assertThat(Files.readString(written.get(0))).isEqualTo(m.javaSource());
        }
    }
}
