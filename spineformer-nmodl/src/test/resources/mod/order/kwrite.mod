: Spineformer's own test file
: A potassium leak: the current aseen.mod and zseen.mod see or not, by NEURON's mechanism type order.
NEURON {
    SUFFIX kwrite
    USEION k READ ek WRITE ik
    RANGE g
}
PARAMETER { g = 0.002 (S/cm2) }
ASSIGNED { v (mV) ek (mV) ik (mA/cm2) }
BREAKPOINT { ik = g*(v - ek) }
