package org.spineformer.nmodl.gen;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A PARAMETER's default or a STATE's START value as NEURON runs it: nocmodl 8.2.2 writes them into the C with
 * printf's {@code %g} (nocpout.cpp: {@code "double %s = %g;"} for GLOBALs, {@code "static double %s = %g;"} for
 * the states' x0, {@code "%s = %g;"} in nrn_alloc for RANGE parameters), six significant digits, so that
 * {@code Q10 = 1.200000603} runs as 1.2 (Miocinovic's STN channels). CONSTANTs keep their text (parse1.ypp writes
 * it as it is).
 */
final class DeclaredDefault {
    /** printf's %g: six significant digits, rounded to nearest, ties to even on the double's exact value (glibc). */
    private static final MathContext PRINTF_G = new MathContext(6, RoundingMode.HALF_EVEN);

    private DeclaredDefault() {
    }

    /** The value of the declared text (a number) after nocmodl's %g. */
    static double of(String text) {
        double exact = Double.parseDouble(text);
        if (exact == 0 || Double.isNaN(exact) || Double.isInfinite(exact)) {
            return exact;
        }
        return new BigDecimal(exact).round(PRINTF_G).doubleValue();
    }
}
