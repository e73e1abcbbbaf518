: Spineformer's own test file
TITLE VERBATIM copies of ion variables into other names: a calcium current and pool that reads the node's cai

COMMENT
Written for Spineformer's tests of VERBATIM blocks of `y = _ion_x;` lines (check.IonCopyVerbatim), the form of
`carest = _ion_cai;` in some pump files. In nocmodl's C, y is the mechanism's own variable (a RANGE slot, or a C
global for a GLOBAL) and _ion_x the ion's value at the node, so the copy sets y and leaves the mechanism's x as the
file set it. INITIAL sets cai to cset and then copies the node's cai into start and into the GLOBAL rest, which the
pump term of the current reads from then on; back shows that cai kept cset. The BREAKPOINT, from t past tcopy, calls
a PROCEDURE that sets cai to cset and copies the node's values into fromnode and reversal: fromnode is the value the
state phase left, not cset.
ENDCOMMENT

NEURON {
    SUFFIX copyother
    USEION ca READ cai, eca WRITE cai, ica VALENCE 2
    RANGE gbar, kp, tcopy, cset, start, back, seen, fromnode, reversal, restcopy
    GLOBAL rest
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (mM) = (milli/liter)
}

PARAMETER {
    gbar = 0.0002 (S/cm2)
    kp = 2 (mA/cm2/mM)
    tcopy = 40.01 (ms)
    cset = 0.001 (mM)
    kf = 0.005 (mM cm2/mA/ms)
    tau = 20 (ms)
}

ASSIGNED {
    v (mV)
    eca (mV)
    ica (mA/cm2)
    rest (mM)
    start (mM)
    back (mM)
    seen (mM)
    fromnode (mM)
    reversal (mV)
    restcopy (mM)
    minf
}

STATE {
    cai (mM)
    m
}

INITIAL {
    cai = cset
    VERBATIM
    start = _ion_cai; /* the node's, not cset */
    rest = _ion_cai;
    ENDVERBATIM
    back = cai
    rates(v)
    m = minf
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    seen = cai
    if (t > tcopy) {
        peek()
    }
    restcopy = rest
    ica = gbar*m*m*(v - eca) + kp*(cai - rest)
}

DERIVATIVE states {
    rates(v)
    m' = (minf - m)/5
    cai' = -kf*ica - (cai - 5e-5)/tau
}

PROCEDURE rates(v (mV)) {
    minf = 1/(1 + exp(-(v + 30)/6))
}

PROCEDURE peek() {
    cai = cset
    VERBATIM
    // the node's values: cai as the state phase left it, eca
    fromnode = _ion_cai;
    reversal  =  _ion_eca ;
    ENDVERBATIM
}
