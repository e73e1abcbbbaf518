TITLE arrgate: a channel whose gates live in arrays (Spineformer's own test file)

COMMENT
Three gates m[0..2] held in a STATE array and advanced by a PROCEDURE (SOLVE without METHOD, as many published
files do), with their steady states, time constants and step factors in ASSIGNED arrays and their weights in a
PARAMETER array; an inactivation h solved by cnexp from array elements. The indices exercise nocmodl's integer
expressions: a FROM index read as a double (j/2), a name truncated to an int (sel), INT(...) and C's int division.
The rates are a coarse TABLE of the three arrays (every element tabulated, as nocmodl does), 10 mV apart and off
the clamp levels, so that the interpolation shows.
ENDCOMMENT

NEURON {
    SUFFIX arrgate
    NONSPECIFIC_CURRENT i
    RANGE gbar, e, w, sel, g, inf, tau, m
}

DEFINE NG 3

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
}

PARAMETER {
    gbar = 0.002 (S/cm2)
    e = -65 (mV)
    w[NG]
    sel = 1.7
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    g (S/cm2)
    inf[NG]
    tau[NG] (ms)
    fac[NG]
}

STATE {
    m[NG]
    h
}

INITIAL {
    rates(v)
    FROM j = 0 TO NG - 1 {
        m[j] = inf[j]
    }
    h = 1 - inf[NG/2*2]
}

BREAKPOINT {
    SOLVE gates
    SOLVE inact METHOD cnexp
    g = gbar*(w[0]*m[0] + w[1]*m[1]*m[1] + w[2]*m[INT(sel*1.5)])*h
    i = g*(v - e)
}

PROCEDURE gates() {
    rates(v)
    FROM j = 0 TO NG - 1 {
        m[j] = m[j] + fac[j]*(inf[j] - m[j])
    }
}

DERIVATIVE inact {
    h' = (1 - inf[sel] - h)/(4*tau[sel])
}

PROCEDURE rates(v (mV)) {
    TABLE inf, tau, fac DEPEND dt FROM -103 TO 97 WITH 20
    FROM j = 0 TO NG - 1 BY 1 {
        inf[j] = 1/(1 + exp(-(v + 40 - 10*j)/(5 + j/2)))
        tau[j] = 0.5 + j + 3/(1 + exp((v + 50)/10))
        fac[j] = 1 - exp(-dt/tau[j])
    }
}
