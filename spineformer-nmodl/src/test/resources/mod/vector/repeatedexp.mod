: Spineformer's own test file (VectorKernelsTest), written for this project.
TITLE An exponential of the same lanes taken twice in vector lanes (VectorKernelsTest)
COMMENT
Spineformer's own test file, for its vector kernels test: a current of three FUNCTIONs of v, each taking exp of a
LOCAL and then calling efun, which takes exp of its argument again (z / (exp(z) - 1), the form of a GHK current).
In flux, efun's argument is the LOCAL whose exp was taken, unchanged: the kernel reuses that exponential. In
shifted, the LOCAL changes before efun is called, and in bumped the FUNCTION changes its own argument between its
two exponentials: both must take another exponential. The current is not affine in v, so the current phase
evaluates it at v + 0.001 and at v.
ENDCOMMENT

NEURON {
    SUFFIX repeatedexp
    NONSPECIFIC_CURRENT i
    RANGE g
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}

PARAMETER {
    g = 0.0002 (S/cm2)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
}

BREAKPOINT {
    i = g * (flux(v) + shifted(v) + bumped(v / 40))
}

FUNCTION efun(z) {
    if (fabs(z) < 1e-4) {
        efun = 1 - z / 2
    } else {
        efun = z / (exp(z) - 1)
    }
}

FUNCTION flux(v (mV)) (mV) {
    LOCAL nu
    nu = v / 12.5
    flux = -12.5 * (1 - 0.3 * exp(nu)) * efun(nu)
}

FUNCTION shifted(v (mV)) (mV) {
    LOCAL nu, a
    nu = v / 25
    a = exp(nu)
    nu = nu + 0.5
    shifted = a * efun(nu)
}

FUNCTION bumped(x) (mV) {
    LOCAL a
    a = exp(x)
    x = x / 2
    bumped = a - exp(x)
}
