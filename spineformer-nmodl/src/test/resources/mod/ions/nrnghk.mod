TITLE nrnghk: a calcium current through NEURON's own nrn_ghk() (Spineformer's own test file)

COMMENT
nrn_ghk(v, ci, co, z) is a C function of NEURON (eion.cpp) that nocmodl lets a mod file call without declaring it:
the GHK flux's driving term, in mA/cm2 per cm/s of permeability.
ENDCOMMENT

NEURON {
    SUFFIX nrnghk
    USEION ca READ cai, cao WRITE ica
    RANGE pbar
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (mM) = (milli/liter)
}

PARAMETER {
    pbar = 2e-4 (cm/s)
}

ASSIGNED {
    v (mV)
    cai (mM)
    cao (mM)
    ica (mA/cm2)
    minf
    mtau (ms)
}

STATE { m }

INITIAL {
    rates(v)
    m = minf
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    ica = pbar * m * m * nrn_ghk(v, cai, cao, 2)
}

DERIVATIVE states {
    rates(v)
    m' = (minf - m) / mtau
}

PROCEDURE rates(v (mV)) {
    minf = 1 / (1 + exp(-(v + 25) / 6))
    mtau = 1.5 + 4 / (1 + exp((v + 30) / 10))
}
