COMMENT
Spineformer's own test file: potassium accumulating in a shell under the membrane (it writes ki, no current).
Where no mechanism writes ek, NEURON's ion_style makes ek follow ki by Nernst (einit, eadvance); where ekset writes
ek, it does not.
ENDCOMMENT

NEURON {
    SUFFIX kacc
    USEION k READ ik WRITE ki
    RANGE depth, tauk, kinf
}

UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    FARADAY = (faraday) (coulombs)
    (mM) = (milli/liter)
    (um) = (micron)
}

PARAMETER {
    depth = 0.1 (um)
    tauk = 40 (ms)
    kinf = 54.4 (mM)
}

ASSIGNED { ik (mA/cm2) }

STATE { ki (mM) }

INITIAL { ki = kinf }

BREAKPOINT { SOLVE state METHOD cnexp }

DERIVATIVE state {
    ki' = -(10000)*ik/(FARADAY*depth) - (ki - kinf)/tauk
}
