TITLE NMDA synapse with magnesium block and calcium current (Ellwood 2024)
COMMENT
Written for Spineformer from the synapse's equations (see the Java port
org.spineformer.mechanisms.synapse.Nmda): a double exponential B - A (rise tau1, decay tau2,
each event adds weight factor to both, factor making the peak of B - A the weight),
g = gmax (B - A) mgblock(v), mgblock(v) = 1/(1 + exp(-0.075 (v + 10))) tabulated over
-140..80 mV in 1000 intervals; a calcium current ica = 0.021 g (v - 130) and the rest as the
non-specific current i = g (v - e) - ica.
ENDCOMMENT

NEURON {
    POINT_PROCESS NMDA
    USEION ca WRITE ica
    NONSPECIFIC_CURRENT i
    RANGE tau1, tau2, e, gmax, g, i, ica, factor
}

UNITS {
    (nA) = (nanoamp)
    (mV) = (millivolt)
    (uS) = (microsiemens)
}

PARAMETER {
    gmax = 0.05 (uS) <0, 1e9>
    tau1 = 2 (ms) <1e-9, 1e9>
    tau2 = 26 (ms) <1e-9, 1e9>
    e = -0.7 (mV)
}

ASSIGNED {
    v (mV)
    i (nA)
    ica (nA)
    g (uS)
    factor (1)
}

STATE { A B }

INITIAL {
    LOCAL tp
    if (tau1/tau2 > 0.9999) {
        tau1 = 0.9999*tau2
    }
    A = 0
    B = 0
    tp = (tau1*tau2)/(tau2 - tau1)*log(tau2/tau1)
    factor = 1/(-exp(-tp/tau1) + exp(-tp/tau2))
}

BREAKPOINT {
    SOLVE decay METHOD cnexp
    g = gmax*(B - A)*mgblock(v)
    ica = 0.021*g*(v - 130 (mV))
    i = g*(v - e) - ica
}

DERIVATIVE decay {
    A' = -A/tau1
    B' = -B/tau2
}

FUNCTION mgblock(v (mV)) {
    TABLE FROM -140 TO 80 WITH 1000
    mgblock = 1/(1 + exp(-0.075*(v + 10 (mV))))
}

NET_RECEIVE(weight) {
    A = A + weight*factor
    B = B + weight*factor
}
