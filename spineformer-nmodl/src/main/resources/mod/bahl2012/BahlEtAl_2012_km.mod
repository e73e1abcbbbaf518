TITLE muscarinic (M-type) potassium current of Bahl et al. (2012), after Yamada et al. (1989)
COMMENT
Written for Spineformer from the channel's equations (see the Java port
org.spineformer.mechanisms.bahl2012.Km): ik = 1e-4 gk (v - ek), gk = gbar m, m integrated by
one explicit Euler step (METHOD euler). The exponentials come from exptable, tabulated from
-25 to 25 in 10000 intervals and 0 outside. tau_peak = taumax / 2.3^((celsius - 36)/10) is
set in INITIAL after the first evaluation, so right after the first initialization tau_m is 0.
ENDCOMMENT

NEURON {
    SUFFIX BahlEtAl_2012_km
    USEION k READ ek WRITE ik
    RANGE gbar, vshift, gk, m_inf, tau_m, tau_peak
    GLOBAL taumax
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
    taumax = 1000 (ms)
}

ASSIGNED {
    v (mV)
    ek (mV)
    ik (mA/cm2)
    gk (pS/um2)
    m_inf (1)
    tau_m (ms)
    tau_peak (ms)
}

STATE { m }

BREAKPOINT {
    SOLVE states METHOD euler
    gk = gbar*m
    ik = (1e-4)*gk*(v - ek)
}

DERIVATIVE states {
    evaluate(v)
    m' = (m_inf - m)/tau_m
}

INITIAL {
    evaluate(v)
    m = m_inf
    tau_peak = taumax/2.3^((celsius - 36)/10)
}

PROCEDURE evaluate(vm (mV)) {
    LOCAL x
    x = vm - vshift + 35
    m_inf = 1/(1 + exptable(-x/10))
    tau_m = tau_peak/(3.3*exptable(x/20) + exptable(-x/20))
}

FUNCTION exptable(x) {
    TABLE FROM -25 TO 25 WITH 10000
    if ((x > -25) && (x < 25)) {
        exptable = exp(x)
    } else {
        exptable = 0
    }
}
