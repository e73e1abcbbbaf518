TITLE submembrane calcium pool of Hay et al. (2011), after Destexhe et al. (1994)
COMMENT
Written for Spineformer from the pool's equation: calcium enters a shell of the given depth with
the calcium current (a fraction gamma of it stays free) and relaxes to minCai with time constant
decay:  cai' = -10000 ica gamma / (2 F depth) - (cai - minCai)/decay.  cai starts from the ion's
value (NEURON's 5e-5 mM), as there is no INITIAL block.
ENDCOMMENT

NEURON {
    SUFFIX CaDynamics_E2
    USEION ca READ ica WRITE cai
    RANGE decay, gamma, minCai, depth
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    FARADAY = (faraday) (coulombs)
    (mM) = (milli/liter)
    (um) = (micron)
}

PARAMETER {
    gamma = 0.05 (1) <0, 1>
    decay = 80 (ms) <1e-9, 1e9>
    depth = 0.1 (um) <1e-9, 1e9>
    minCai = 1e-4 (mM)
}

ASSIGNED { ica (mA/cm2) }

STATE { cai (mM) }

BREAKPOINT { SOLVE pool METHOD cnexp }

DERIVATIVE pool {
    cai' = -(10000)*ica*gamma/(2*FARADAY*depth) - (cai - minCai)/decay
}
