TITLE nonlinear binding scheme with compartments and a flux (Spineformer test mechanism)
: written for Spineformer's NMODL tests: A + B <-> AB (second order, Newton iterations), 2 A <-> D
: (a stoichiometric coefficient), COMPARTMENT volumes, an influx of A (<<) driven by v, an irreversible
: removal (->), f_flux and b_flux read after a reaction, CONSERVE with volumes, states set in INITIAL

NEURON {
    SUFFIX bind
    NONSPECIFIC_CURRENT i
    RANGE gbar, e, binding, influx
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    (S) = (siemens)
    (mM) = (milli/liter)
}

PARAMETER {
    gbar = 0.002 (S/cm2)
    e = -20 (mV)
    kon = 5 (/mM-ms)
    koff = 0.1 (/ms)
    kd = 0.8 (/mM-ms)
    ku = 0.05 (/ms)
    kr = 0.02 (/ms)
    Btot = 0.3 (mM)
    vshell = 0.4 (1)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    binding (mM/ms)
    influx (mM/ms)
}

STATE { A (mM) B (mM) AB (mM) D (mM) }

INITIAL {
    A = 0.01
    AB = 0.02
    B = Btot - AB
    D = 0
}

BREAKPOINT {
    SOLVE scheme METHOD sparse
    i = gbar*(AB/Btot)*(v - e)
}

KINETIC scheme {
    COMPARTMENT vshell {A D}
    COMPARTMENT 1 {B AB}
    influx = 0.002*(1 + tanh((v + 30)/8))
    ~ A << (influx)
    ~ A + B <-> AB (kon, koff)
    binding = f_flux - b_flux
    ~ 2A <-> D (kd, ku)
    ~ D -> (kr)
    CONSERVE B + AB = Btot
}
