: A gate whose steady state reads cai and a shift (CompiledLanesTablesTest): its table of v has two inputs that
: can differ between trials in lanes, a parameter set per lane and a concentration the trials change differently.
NEURON {
    SUFFIX gatecai
    USEION ca READ cai
    NONSPECIFIC_CURRENT i
    RANGE gbar, vshift
}
PARAMETER { gbar = 0.002 (S/cm2) e = -80 (mV) vshift = 0 (mV) }
ASSIGNED { v (mV) i (mA/cm2) cai (mM) mInf mTau (ms) }
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
    mInf = 1/(1 + exp(-(v + 40 - vshift)/7))/(1 + cai/0.0002)
    mTau = 1 + 4*exp(-((v + 50 - vshift)/20)^2)
}
