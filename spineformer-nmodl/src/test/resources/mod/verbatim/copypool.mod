: Spineformer's own test file
TITLE VERBATIM copies of ion variables from the node: a calcium pool without a current

COMMENT
Written for Spineformer's tests of VERBATIM blocks of `x = _ion_x;` lines (check.IonCopyVerbatim). The pool writes
no current, so NEURON runs its BREAKPOINT in nrn_state after the SOLVE, between the copy of cai from the node and
the copy back. Once t passes tfreeze the BREAKPOINT's VERBATIM copies the node's cai back over the step's update:
the pool stops where it was. The DERIVATIVE block zeroes cao and copies the node's value back before the
equation reads it.
ENDCOMMENT

NEURON {
    SUFFIX copypool
    USEION ca READ cao WRITE cai VALENCE 2
    RANGE tau, tfreeze, cainf, seen, after, outside
}

UNITS {
    (mM) = (milli/liter)
}

PARAMETER {
    tau = 10 (ms)
    tfreeze = 50.01 (ms)
    cainf = 2e-4 (mM)
}

ASSIGNED {
    cao (mM)
    seen (mM)
    after (mM)
    outside (mM)
}

STATE {
    cai (mM)
}

BREAKPOINT {
    SOLVE pool METHOD cnexp
    seen = cai
    if (t > tfreeze) {
        VERBATIM
        cai = _ion_cai; /* the node's, before this step's update */
        ENDVERBATIM
    }
    after = cai
}

DERIVATIVE pool {
    cao = 0
    VERBATIM
    cao = _ion_cao;
    ENDVERBATIM
    outside = cao
    cai' = (cainf*cao/2 - cai)/tau
}
