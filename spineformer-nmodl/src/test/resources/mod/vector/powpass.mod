: Spineformer's own test file (VectorKernelsTest), written for this project.
TITLE A cnexp state phase whose one lane-by-lane call is a power (VectorKernelsTest)
COMMENT
Spineformer's own test file, for its vector kernels test: the state's target is a Hill function,
1 / (1 + (k / c)^4.8), SK_E2's form, of c = cai (0.5 + 10 y) raised where below 1e-7 (an IF in the PROCEDURE that
computes it, its argument written), y a second state that follows v linearly (no exponential: the power is the
kernel's only call in lanes, so it is taken in a pass of its own over every group, VectorEmitter.powerPass). The
target is written to a RANGE variable (a column the pass of arguments must not write) and z enters the current,
so a wrong lane shows in v.
ENDCOMMENT

NEURON {
    SUFFIX powpass
    USEION ca READ cai
    NONSPECIFIC_CURRENT i
    RANGE g, e, ztau, zinf
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}

PARAMETER {
    g = 0.0005 (S/cm2)
    e = -70 (mV)
    ztau = 3 (ms)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    cai (mM)
    zinf
}

STATE { z y }

INITIAL {
    z = 0
    y = 0.2
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    i = g*(1 + 5*z)*(v - e)
}

DERIVATIVE states {
    rates(cai*(0.5 + 10*y))
    z' = (zinf - z)/ztau
    y' = ((v + 80)/100 - y)/2
}

PROCEDURE rates(ca (mM)) {
    if (ca < 1e-7) {
        ca = ca + 1e-7
    }
    zinf = 1/(1 + (0.00043/ca)^4.8)
}
