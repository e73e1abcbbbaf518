: A gate whose steady state also reads a concentration the mechanism does not write (RateTablesTest): a table of
: v while the concentration has one value everywhere and stays, the exact functions once it keeps changing.
NEURON {
    SUFFIX gateion
    USEION ttx READ ttxi VALENCE 1
    NONSPECIFIC_CURRENT i
    RANGE gbar
}
PARAMETER { gbar = 0.001 (S/cm2) e = -80 (mV) }
ASSIGNED { v (mV) i (mA/cm2) ttxi (mM) mInf mTau (ms) }
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
    mInf = 1/(1 + exp(-(v + 40)/7))/(1 + ttxi)
    mTau = 1 + 4*exp(-((v + 50)/20)^2)
}
