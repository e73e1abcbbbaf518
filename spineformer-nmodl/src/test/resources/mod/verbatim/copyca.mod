: Spineformer's own test file
TITLE VERBATIM copies of ion variables from the node: a calcium current that writes its own cai

COMMENT
Written for Spineformer's tests of VERBATIM blocks of `x = _ion_x;` lines (check.IonCopyVerbatim). NEURON copies
cai from the node into the mechanism before INITIAL and before nrn_cur's two evaluations, and back after them.
INITIAL sets cai and then copies the node's value back: the ion keeps its own. The BREAKPOINT sets cai to cset (the
ion gets it after the evaluations) until t passes tcopy; from then on a PROCEDURE's VERBATIM copies the node's
values back after it, so the pool's own update (the DERIVATIVE block) goes on from the value the state phase left.
ENDCOMMENT

NEURON {
    SUFFIX copyca
    USEION ca READ cai, eca WRITE cai, ica VALENCE 2
    RANGE gbar, tcopy, cset, start, back, seen, restored, reversal
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (mM) = (milli/liter)
}

PARAMETER {
    gbar = 0.0002 (S/cm2)
    tcopy = 40.01 (ms)
    cset = 0.001 (mM)
    kf = 0.005 (mM cm2/mA/ms)
    tau = 20 (ms)
}

ASSIGNED {
    v (mV)
    eca (mV)
    ica (mA/cm2)
    start (mM)
    back (mM)
    seen (mM)
    restored (mM)
    reversal (mV)
    minf
}

STATE {
    cai (mM)
    m
}

INITIAL {
    cai = cset
    start = cai
    VERBATIM
    cai = _ion_cai; /* the node's, not cset */
    ENDVERBATIM
    back = cai
    rates(v)
    m = minf
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    seen = cai
    cai = cset
    if (t > tcopy) {
        restore()
    }
    restored = cai
    reversal = eca
    ica = gbar*m*m*(v - eca)
}

DERIVATIVE states {
    rates(v)
    m' = (minf - m)/5
    cai' = -kf*ica - (cai - 5e-5)/tau
}

PROCEDURE rates(v (mV)) {
    minf = 1/(1 + exp(-(v + 30)/6))
}

PROCEDURE restore() {
    VERBATIM
    // both from the node: cai as the state phase left it, eca unchanged
    cai = _ion_cai;
    eca  =  _ion_eca ;
    ENDVERBATIM
}
