: Spineformer's own test file (issue 17, n17): tabcall.mod with THREADSAFE, its TABLE checked before INITIAL.
COMMENT
THREADSAFE makes nocmodl 8.2.2 keep the mechanism thread safe despite the assignment to the GLOBAL q, so NEURON
checks the TABLE of rates before INITIAL and before each step (nrn_thread_table_check): the table is built from
the q before INITIAL (0 in a new run), and never again (no DEPEND changes).
ENDCOMMENT

NEURON {
    SUFFIX tabsafe
    THREADSAFE
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
