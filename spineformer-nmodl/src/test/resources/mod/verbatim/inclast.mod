: Spineformer's own test file (issue 17, t17 session 37): tabsafe.mod with a VERBATIM of #include lines after its NEURON block.
COMMENT
THREADSAFE came before the VERBATIM block, so nocmodl 8.2.2 keeps the mechanism thread safe: NEURON checks the TABLE
of rates before INITIAL, as tabsafe.mod's. incfirst.mod has the block before the NEURON block.
ENDCOMMENT

NEURON {
    SUFFIX inclast
    THREADSAFE
    NONSPECIFIC_CURRENT i
    RANGE gbar
    GLOBAL q, ninf, ntau
}

VERBATIM
  #  include <math.h>
ENDVERBATIM

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.002 (S/cm2)
    e = -30 (mV)
    q0 = 4
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    q
    ninf
    ntau (ms)
}

STATE { n }

INITIAL {
    q = q0
    rates(v)
    n = ninf
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    i = gbar * n * (v - e)
}

DERIVATIVE states {
    rates(v)
    n' = (ninf - n) / ntau
}

PROCEDURE rates(v (mV)) {
    TABLE ninf, ntau FROM -100 TO 100 WITH 200
    ninf = 1 / (1 + exp(-(v + 40) / 8))
    ntau = (1 + q) / (exp((v + 40) / 20) + exp(-(v + 40) / 20))
}
