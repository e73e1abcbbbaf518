: Spineformer's own test file (issue 17, n17): a BREAKPOINT with a current that assigns the concentration it writes.
COMMENT
NEURON evaluates the BREAKPOINT twice in nrn_cur (at v + 0.001 mV, then at v, for the slope) and then copies the
written concentration to the ion: here cai, reset to the floor cmin plus a term in v whenever the decay took it
below. The first evaluation's reset lifts cai above cmin, so the second leaves it: the value NEURON keeps is the one
computed at v + 0.001.
ENDCOMMENT

NEURON {
    SUFFIX bpconc
    USEION ca READ ica WRITE cai
    NONSPECIFIC_CURRENT i
    RANGE g, cmin, tau
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
    (mM) = (milli/liter)
}

PARAMETER {
    g = 1e-4 (S/cm2)
    cmin = 2e-4 (mM)
    tau = 20 (ms)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    ica (mA/cm2)
}

STATE {
    cai (mM)
}

INITIAL {
    cai = 1e-4
}

BREAKPOINT {
    SOLVE decay METHOD cnexp
    if (cai < cmin) {
        cai = cmin + (1e-6) * (v + 80)
    }
    i = g * (v + 60) * cai / cmin
}

DERIVATIVE decay {
    cai' = -cai / tau
}
