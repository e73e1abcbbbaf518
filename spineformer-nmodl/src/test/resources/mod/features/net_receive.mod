NEURON { POINT_PROCESS nr RANGE tau, e, i NONSPECIFIC_CURRENT i }
PARAMETER { tau = 2 (ms) <1e-9, 1e9> e = 0 (mV) }
ASSIGNED { v (mV) i (nA) }
STATE { g (uS) }
INITIAL { g = 0 }
BREAKPOINT { SOLVE state METHOD cnexp  i = g*(v - e) }
DERIVATIVE state { g' = -g/tau }
NET_RECEIVE(weight (uS), count) {
    INITIAL { count = 0 }
    g = g + weight
    count = count + 1
}
