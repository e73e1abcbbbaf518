TITLE fast delayed-rectifier potassium current of Bahl et al. (2012), after Mainen
COMMENT
Written for Spineformer from the channel's equations (see the Java port
org.spineformer.mechanisms.bahl2012.Kfast): ik = 1e-4 gk (v - ek), gk = tadj gbar n,
n integrated by cnexp with time constant timefactor_n ntau; ninf and ntau tabulated over
v - vshift from -120 to 100 mV in 199 intervals, rebuilt when the temperature or a rate
constant changes; tadj = q10^((celsius - temp)/10) divides ntau and multiplies gk.
ENDCOMMENT

NEURON {
    SUFFIX BahlEtAl_2012_kfast
    USEION k READ ek WRITE ik
    RANGE gbar, vshift, timefactor_n, gk, ninf, ntau
    GLOBAL tha, qa, Ra, Rb, temp, q10
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
    timefactor_n = 1 (1) <1e-9, 1e9>
    tha = 25 (mV)
    qa = 9 (mV)
    Ra = 0.02 (/ms)
    Rb = 0.002 (/ms)
    temp = 23 (degC)
    q10 = 2.3 (1)
}

ASSIGNED {
    v (mV)
    ek (mV)
    ik (mA/cm2)
    gk (pS/um2)
    ninf (1)
    ntau (ms)
    tadj (1)
}

STATE { n }

INITIAL {
    rates(v - vshift)
    n = ninf
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    tadj = q10^((celsius - temp)/10 (degC))
    gk = tadj*gbar*n
    ik = (1e-4)*gk*(v - ek)
}

DERIVATIVE states {
    rates(v - vshift)
    n' = (ninf - n)/(timefactor_n*ntau)
}

PROCEDURE rates(x (mV)) {
    LOCAL a, b, t
    TABLE ninf, ntau DEPEND celsius, temp, Ra, Rb, tha, qa, q10 FROM -120 TO 100 WITH 199
    t = q10^((celsius - temp)/10 (degC))
    a = Ra*linoid(x - tha, qa)
    b = Rb*linoid(tha - x, qa)
    ntau = 1/t/(a + b)
    ninf = a/(a + b)
}

COMMENT
x/(1 - exp(-x/q)), continued through its removable singularity at x = 0.
ENDCOMMENT
FUNCTION linoid(x (mV), q (mV)) (mV) {
    if (fabs(x/q) < 1e-6) {
        linoid = q*(1 + x/q/2)
    } else {
        linoid = x/(1 - exp(-x/q))
    }
}
