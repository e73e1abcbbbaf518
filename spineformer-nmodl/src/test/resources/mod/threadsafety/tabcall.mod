: Spineformer's own test file (issue 17, n17): a TABLE built from a GLOBAL that INITIAL assigns (no DEPEND on it).
COMMENT
The assignment to the GLOBAL q makes nocmodl 8.2.2 leave the mechanism not thread safe, so NEURON checks the TABLE
of rates at each call of rates (nocmodl's _check_rates() inside it): the table is first built by INITIAL's call,
from the q INITIAL gave. tabsafe.mod is the same text with THREADSAFE, whose TABLE NEURON checks before INITIAL.
ENDCOMMENT

NEURON {
    SUFFIX tabcall
    NONSPECIFIC_CURRENT i
    RANGE gbar
    GLOBAL q, ninf, ntau
}

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
