package org.spineformer.nmodl.gen;

import org.spineformer.nmodl.ast.Expr;

/**
 * The slope in x of a derivative equation x' = f, as the scalar and the vector kernels both need it: df/dx when f
 * is linear in x; for cnexp, nocmodl's slope at the current x when f is a product with x that it can differentiate
 * but not write as a*x + b (deriv.cpp, cvode_cnexp_success, with the missing right side printed as nothing).
 *
 * @param slope  df/dx (null where {@link Linear#derivative} gives none)
 * @param linear whether f is linear in x (else the slope is taken at the current x, with no constant part)
 */
record EquationSlope(Expr slope, boolean linear) {

    /** The slope of x' = f by the block's method, or null when f is not linear in x and no slope applies. */
    static EquationSlope of(Expr f, String x, String method) {
        try {
            return new EquationSlope(Linear.derivative(f, x), true);
        } catch (Linear.NotLinear e) {
            if (!method.equals("cnexp")) {
                return null;
            }
            try {
                Expr slope = Linear.slope(f, x);
                return slope == null ? null : new EquationSlope(slope, false);
            } catch (Linear.NotLinear e2) {
                return null;
            }
        }
    }
}
