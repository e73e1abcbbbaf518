package org.spineformer.model.expr;

/** The functions an {@link Expression} may call, each as {@link Math} computes it. */
public enum Functions {
    EXP(1), LOG(1), LOG10(1), SQRT(1), ABS(1), FLOOR(1), POW(2), MIN(2), MAX(2),
    /** log(1 + exp(x)), computed without overflow: x + log(1 + exp(-x)) for x > 0. */
    SOFTPLUS(1);

    private final int arity;

    Functions(int arity) {
        this.arity = arity;
    }

    public int arity() {
        return arity;
    }

    /** The name in expressions (lower case). */
    public String text() {
        return name().toLowerCase();
    }

    static Functions named(String name) {
        for (Functions f : values()) {
            if (f.text().equals(name)) {
                return f;
            }
        }
        return null;
    }

    double apply(double[] a) {
        return switch (this) {
            case EXP -> Math.exp(a[0]);
            case LOG -> Math.log(a[0]);
            case LOG10 -> Math.log10(a[0]);
            case SQRT -> Math.sqrt(a[0]);
            case ABS -> Math.abs(a[0]);
            case FLOOR -> Math.floor(a[0]);
            case POW -> Math.pow(a[0], a[1]);
            case MIN -> Math.min(a[0], a[1]);
            case MAX -> Math.max(a[0], a[1]);
            case SOFTPLUS -> a[0] > 0 ? a[0] + Math.log(1 + Math.exp(-a[0])) : Math.log(1 + Math.exp(a[0]));
        };
    }
}
