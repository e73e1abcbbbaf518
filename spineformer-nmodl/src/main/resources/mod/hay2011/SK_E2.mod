TITLE small-conductance calcium-activated potassium current (SK) of Hay et al. (2011), after Koehler et al. (1996)
COMMENT
Written for Spineformer from the channel's equations: ik = gSK_E2bar z (v - ek), z relaxing by cnexp
with time constant zTau to the Hill curve of Koehler et al. (1996),
zInf = 1/(1 + (0.43 uM / cai)^4.8), voltage independent. A concentration below 1e-7 mM is raised by
1e-7 mM before the Hill curve, as in the published model (so that cai = 0 gives zInf = 0).
ENDCOMMENT

NEURON {
    SUFFIX SK_E2
    USEION k READ ek WRITE ik
    USEION ca READ cai
    RANGE gSK_E2bar, gSK_E2
    THREADSAFE
}

UNITS {
    (S) = (siemens)
    (mV) = (millivolt)
    (mA) = (milliamp)
    (mM) = (milli/liter)
}

PARAMETER {
    gSK_E2bar = 0.000001 (S/cm2) <0, 1e9>
    zTau = 1 (ms)
}

ASSIGNED {
    v (mV)
    ek (mV)
    cai (mM)
    ik (mA/cm2)
    gSK_E2 (S/cm2)
    zInf (1)
}

STATE { z }

BREAKPOINT {
    SOLVE gate METHOD cnexp
    gSK_E2 = gSK_E2bar*z
    ik = gSK_E2*(v - ek)
}

INITIAL {
    settle(cai)
    z = zInf
}

DERIVATIVE gate {
    settle(cai)
    z' = (zInf - z)/zTau
}

PROCEDURE settle(ca (mM)) {
    LOCAL c
    c = ca
    if (c < 1e-7) { c = c + 1e-7 }
    zInf = 1/(1 + (0.00043/c)^4.8)
}
