: Spineformer's own test file (issue 17, t17 session 37): tabsafe.mod with a VERBATIM of #include lines before its NEURON block.
COMMENT
nocmodl 8.2.2 copies the VERBATIM text into its C (a no-op: stdlib.h is already included) and, seeing a VERBATIM
block before the NEURON block's THREADSAFE, leaves the mechanism not thread safe (parse1.ypp sets vectorize = 0 at
the first VERBATIM unless THREADSAFE came before it): NEURON checks the TABLE of rates at each call, as tabcall.mod's,
and builds it from the q INITIAL gave. inclast.mod has the block after the NEURON block: thread safe, as tabsafe.mod.
ENDCOMMENT

VERBATIM
#include <stdlib.h> /* declares free(), which nocmodl's C calls */
// nothing else
#include "stdio.h"

ENDVERBATIM

NEURON {
    SUFFIX incfirst
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
