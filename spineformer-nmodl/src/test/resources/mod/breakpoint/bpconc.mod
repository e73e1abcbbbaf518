COMMENT
Spineformer's own test file: a calcium pool that writes cai and no current, with no SOLVE: its BREAKPOINT runs once
per step in nrn_state at the new v (nocmodl 8.2). eca follows cai by Nernst one step late (NEURON's ion_style);
cacopy and ecopy record what the mechanism sees.
ENDCOMMENT

NEURON {
    SUFFIX bpconc
    USEION ca READ cai, eca WRITE cai VALENCE 2
    RANGE k, cacopy, ecopy
}

PARAMETER {
    k = 2e-7 (mM/mV-ms)
}

ASSIGNED {
    v (mV)
    cai (mM)
    eca (mV)
    cacopy (mM)
    ecopy (mV)
}

BREAKPOINT {
    cai = cai + dt*k*(v + 90)
    cacopy = cai
    ecopy = eca
}
