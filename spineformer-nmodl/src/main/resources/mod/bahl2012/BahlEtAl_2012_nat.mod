TITLE transient sodium current of Bahl et al. (2012), after Mainen and Kole et al. (2006)
COMMENT
Written for Spineformer from the channel's equations (see the Java port
org.spineformer.mechanisms.bahl2012.Nat): ina = 1e-4 gna (v - ena),
gna = gbarfactor tadj gbar m^3 h, m and h integrated by cnexp with time constants
timefactor_m mtau and timefactor_h htau. The rates are functions of v - vshift - vshift2,
tabulated from -120 to 100 mV in 199 intervals; tadj = q10^((celsius - temp)/10) divides
both time constants and multiplies the conductance. trap0 keeps the published guard, which
tests |v/th| rather than v - th.
ENDCOMMENT

NEURON {
    SUFFIX BahlEtAl_2012_nat
    USEION na READ ena WRITE ina
    RANGE gbar, vshift, vshift2, gbarfactor, timefactor_m, timefactor_h, gna, minf, hinf, mtau, htau
    GLOBAL tha, qa, Ra, Rb, thi1, thi2, qi, thinf, qinf, Rg, Rd, temp, q10
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
    vshift2 = 0 (mV)
    gbarfactor = 1 (1) <0, 1e9>
    timefactor_m = 1 (1) <1e-9, 1e9>
    timefactor_h = 1 (1) <1e-9, 1e9>
    tha = -28 (mV)
    qa = 9 (mV)
    Ra = 0.182 (/ms)
    Rb = 0.124 (/ms)
    thi1 = -50 (mV)
    thi2 = -75 (mV)
    qi = 5 (mV)
    thinf = -55 (mV)
    qinf = 6.2 (mV)
    Rg = 0.0091 (/ms)
    Rd = 0.024 (/ms)
    temp = 23 (degC)
    q10 = 2.3 (1)
}

ASSIGNED {
    v (mV)
    ena (mV)
    ina (mA/cm2)
    gna (pS/um2)
    minf (1)
    hinf (1)
    mtau (ms)
    htau (ms)
    tadj (1)
}

STATE { m h }

INITIAL {
    rates(v - vshift - vshift2)
    m = minf
    h = hinf
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    tadj = q10^((celsius - temp)/10 (degC))
    gna = gbarfactor*tadj*gbar*m*m*m*h
    ina = (1e-4)*gna*(v - ena)
}

DERIVATIVE states {
    rates(v - vshift - vshift2)
    m' = (minf - m)/(timefactor_m*mtau)
    h' = (hinf - h)/(timefactor_h*htau)
}

PROCEDURE rates(x (mV)) {
    LOCAL a, b, t
    TABLE minf, hinf, mtau, htau DEPEND celsius, temp, Ra, Rb, Rd, Rg, tha, thi1, thi2, qa, qi, qinf, thinf, q10
        FROM -120 TO 100 WITH 199
    t = q10^((celsius - temp)/10 (degC))
    a = trap0(x, tha, Ra, qa)
    b = trap0(-x, -tha, Rb, qa)
    mtau = 1/t/(a + b)
    minf = a/(a + b)
    a = trap0(x, thi1, Rd, qi)
    b = trap0(-x, -thi2, Rg, qi)
    htau = 1/t/(a + b)
    hinf = 1/(1 + exp((x - thinf)/qinf))
}

FUNCTION trap0(x (mV), th (mV), a (/ms), q (mV)) (/ms) {
    if (fabs(x/th) > 1e-6) {
        trap0 = a*linoid(x - th, q)
    } else {
        trap0 = a*q
    }
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
