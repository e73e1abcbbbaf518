: A gate whose step is a function of v (RateTablesTest): a shift the same in every instance or not, a rate
: that is 0/0 at -30 mV (nudged there, as the published files do), a time constant held at its floor (a kink),
: a temperature factor.
NEURON {
    SUFFIX gatev
    NONSPECIFIC_CURRENT i
    RANGE gbar, vshift, i, mInf, mTau
}
PARAMETER {
    gbar = 0.001 (S/cm2)
    vshift = 0 (mV)
    e = -80 (mV)
}
ASSIGNED { v (mV) i (mA/cm2) mInf mTau (ms) mAlpha mBeta }
STATE { m }
BREAKPOINT {
    SOLVE states METHOD cnexp
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
    LOCAL qt
    qt = 3^((celsius - 22)/10)
    if (v == -30) {
        v = v + 0.0001
    }
    mAlpha = 0.1*(v + 30 - vshift)/(1 - exp(-(v + 30 - vshift)/9))
    mBeta = 0.3*exp(-(v + 55 - vshift)/15)
    mInf = mAlpha/(mAlpha + mBeta)
    mTau = 1/(mAlpha + mBeta)/qt
    if (mTau < 0.2) {
        mTau = 0.2
    }
}
