TITLE muscarinic (M-type) potassium current of Hay et al. (2011), after Adams et al. (1982)
COMMENT
Written for Spineformer from the channel's equations (see the Java port
org.spineformer.mechanisms.hay2011.Im): ik = gImbar m (v - ek), one gate integrated by
cnexp, rates scaled by qt = 2.3^((34 - 21)/10) whatever the temperature.
ENDCOMMENT

NEURON {
    SUFFIX Im
    USEION k READ ek WRITE ik
    RANGE gImbar, gIm
    GLOBAL qt
    THREADSAFE
}

UNITS {
    (S) = (siemens)
    (mV) = (millivolt)
    (mA) = (milliamp)
}

PARAMETER {
    gImbar = 0.00001 (S/cm2) <0, 1e9>
}

ASSIGNED {
    v (mV)
    ek (mV)
    ik (mA/cm2)
    gIm (S/cm2)
    qt (1)
    alpha (/ms)
    beta (/ms)
}

STATE { m }

BREAKPOINT {
    SOLVE gate METHOD cnexp
    gIm = gImbar*m
    ik = gIm*(v - ek)
}

INITIAL {
    rates(v)
    m = alpha/(alpha + beta)
}

DERIVATIVE gate {
    rates(v)
    m' = qt*(alpha - (alpha + beta)*m)
}

PROCEDURE rates(vm (mV)) {
    qt = 2.3^((34 - 21)/10)
    alpha = 3.3e-3*exp(2.5*0.04*(vm + 35 (mV)))
    beta = 3.3e-3*exp(-2.5*0.04*(vm + 35 (mV)))
}
