COMMENT
Spineformer's own test file: a calcium pool that writes both cai and eca, eca by its own rule (not Nernst's). It
writes no current, so its BREAKPOINT (the SOLVE, then eca) runs in nrn_state; eca reaches the ion after INITIAL
and after each state update. The ion's reversal style is 3 where it is inserted: nrn_wrote_conc after INITIAL
computes nothing, and no step computes eca by Nernst.
ENDCOMMENT

NEURON {
    SUFFIX capool
    USEION ca READ ica WRITE cai, eca
    RANGE depth, taur, cainf, ecabase
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    FARADAY = (faraday) (coulombs)
    (mM) = (milli/liter)
    (um) = (micron)
}

PARAMETER {
    depth = 0.1 (um)
    taur = 20 (ms)
    cainf = 1e-4 (mM)
    ecabase = 120 (mV)
}

ASSIGNED {
    ica (mA/cm2)
    eca (mV)
}

STATE { cai (mM) }

INITIAL {
    cai = cainf
    eca = ecabase
}

BREAKPOINT {
    SOLVE pool METHOD cnexp
    eca = ecabase - 20*log(cai/cainf)
}

DERIVATIVE pool {
    cai' = -(10000)*ica/(2*FARADAY*depth) - (cai - cainf)/taur
}
