TITLE a PROCEDURE called for a value (nocmodl's C returns 0 from every PROCEDURE)

NEURON {
    SUFFIX pval
    RANGE b, x, n
}

ASSIGNED {
    v (mV)
    b
    x
    n
}

INITIAL {
    n = 0
    b = setb(v)
    x = 2 + setb(v + 10)
}

PROCEDURE setb(u (mV)) {
    b = u/10
    n = n + 1
}
