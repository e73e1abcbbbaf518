TITLE incgate: a gate whose rate functions are in INCLUDEd files (Spineformer's own test file)

COMMENT
The rates are in lib/rates.inc, which INCLUDEs "vtrap.inc": nocmodl looks first in the including file's
directory (lib/), so lib/vtrap.inc is read, not the vtrap.inc beside this file.
ENDCOMMENT

NEURON {
    SUFFIX incgate
    NONSPECIFIC_CURRENT i
    RANGE gbar, e, g
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.004 (S/cm2)
    e = -72 (mV)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    g (S/cm2)
}

STATE { m }

INITIAL {
    m = alpha(v) / (alpha(v) + beta(v))
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    g = gbar * m * m * m
    i = g * (v - e)
}

DERIVATIVE states {
    m' = alpha(v) * (1 - m) - beta(v) * m
}

INCLUDE "lib/rates.inc"
