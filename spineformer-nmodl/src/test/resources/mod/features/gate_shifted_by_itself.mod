: Spineformer's own test file. A gate whose step is a function of v (RateTablesTest) and whose BREAKPOINT moves the shift the table depends on to
: each instance's own value once t passes tshift: a parameter the file's own code writes, without the block being
: told through MechanismBlock's fieldSet.
NEURON {
    SUFFIX gateself
    NONSPECIFIC_CURRENT i
    RANGE gbar, vshift, laterShift, tshift, i, mInf, mTau
}
PARAMETER {
    gbar = 0.001 (S/cm2)
    vshift = 0 (mV)
    laterShift = 0 (mV)
    tshift = 1 (ms)
    e = -80 (mV)
}
ASSIGNED { v (mV) i (mA/cm2) mInf mTau (ms) }
STATE { m }
BREAKPOINT {
    SOLVE states METHOD cnexp
    if (t > tshift) {
        vshift = laterShift
    }
    i = gbar*m*(v - e)
}
INITIAL {
    rates()
    m = mInf
}
DERIVATIVE states {
    rates()
    m' = (mInf - m)/mTau
}
PROCEDURE rates() {
    LOCAL a, b
    a = 0.1*exp((v + 40 - vshift)/20)
    b = 0.1*exp(-(v + 40 - vshift)/20)
    mInf = a/(a + b)
    mTau = 1/(a + b)
}
