: Spineformer's own test file (VectorKernelsTest), written for this project.
TITLE Integer powers in vector lanes (VectorKernelsTest)
COMMENT
Spineformer's own test file, for its vector kernels test: pow(x, 4) and x^3 (gen.IntegerPower) where some lanes of
a group are outside the range of its double-double form and others inside. p4's argument is 0 at -65 mV, inside
the range within 0.058 mV of it and above 2^255 farther (lane by lane by Math.pow: infinite beyond 0.134 mV, where
the double-double form would give NaN); q3's grows with v; the state x follows pow(v/20, 4) through its cnexp
equation; the current depends on q3, x and whether p4 is above 1e300 (so a wrong p4 shows in v).
ENDCOMMENT

NEURON {
    SUFFIX powers
    NONSPECIFIC_CURRENT i
    RANGE g, e, scale, p4, q3
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}

PARAMETER {
    g = 0.0005 (S/cm2)
    e = -70 (mV)
    scale = 1e78
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    p4
    q3
}

STATE { x }

INITIAL {
    x = 0
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    p4 = pow((v + 65)*scale, 4)
    q3 = ((v + 65)/10)^3
    i = g*(v - e)*(1 + 0.001*q3 + 0.01*x + 0.001*(p4 > 1e300))
}

DERIVATIVE states {
    x' = (pow(v/20, 4) - x)/5
}
