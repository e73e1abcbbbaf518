NEURON { SUFFIX un }
UNITS {
    (mV) = (millivolt)
    (mA) = (milliamp)
    FARADAY = (faraday) (coulombs)
    R = (k-mole) (joule/degC)
    F2 = 96485.3 (coulomb)
}
ASSIGNED { v (mV) x (1) }
BREAKPOINT { x = FARADAY*(v - 23 (mV))/R/(celsius + 273.15 (degC)) }
