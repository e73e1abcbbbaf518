TITLE persistent sodium current of Bahl et al. (2012), after Traub et al. (2003)
COMMENT
Written for Spineformer from the channel's equations (see the Java port
org.spineformer.mechanisms.bahl2012.Nap): ina = 1e-4 gna (v - ena), gna = gbar m, m integrated
by cnexp; minf and mtau tabulated over v - vshift from -120 to 40 mV in 641 intervals.
ENDCOMMENT

NEURON {
    SUFFIX BahlEtAl_2012_nap
    USEION na READ ena WRITE ina
    RANGE gbar, vshift, gna, minf, mtau
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (pS) = (picosiemens)
    (um) = (micron)
}

PARAMETER {
    gbar = 0 (pS/um2) <0, 1e9>
    vshift = 0 (mV)
}

ASSIGNED {
    v (mV)
    ena (mV)
    ina (mA/cm2)
    gna (pS/um2)
    minf (1)
    mtau (ms)
}

STATE { m }

INITIAL {
    rates(v - vshift)
    m = minf
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    gna = gbar*m
    ina = (1e-4)*gna*(v - ena)
}

DERIVATIVE states {
    rates(v - vshift)
    m' = (minf - m)/mtau
}

PROCEDURE rates(x (mV)) {
    TABLE minf, mtau FROM -120 TO 40 WITH 641
    minf = 1/(1 + exp((-x - 48 (mV))/10 (mV)))
    if (x < -40) {
        mtau = 0.025 + 0.14*exp((x + 40 (mV))/10 (mV))
    } else {
        mtau = 0.02 + 0.145*exp((-x - 40 (mV))/10 (mV))
    }
}
