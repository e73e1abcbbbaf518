: Spineformer's own test file (issue 17, n17): defaults of more than six significant digits.
COMMENT
nocmodl 8.2.2 writes a PARAMETER's default and a STATE's START value into the C with printf's %g (six significant
digits): NEURON runs gbar = 0.00123457, e = -65.4322, tau = 3 and s from 0.123457. The CONSTANT keeps its text.
ENDCOMMENT

NEURON {
    SUFFIX printg
    NONSPECIFIC_CURRENT i
    RANGE gbar, e, w
    GLOBAL tau
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

CONSTANT {
    k = 1.000000987654321
}

PARAMETER {
    gbar = 1.234567891e-3 (S/cm2)
    e = -65.43219876 (mV)
    tau = 3.000000999 (ms)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    w
}

STATE { s START 0.1234567891 }

INITIAL {
    w = k
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    i = gbar * s * w * (v - e)
}

DERIVATIVE states {
    s' = (1 - s) / tau
}
