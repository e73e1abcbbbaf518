NEURON { SUFFIX ft GLOBAL vhalf }
PARAMETER { vhalf = -40 (mV) }
ASSIGNED { v (mV) x }
BREAKPOINT { x = rate(v) + shift(v, 2) }
FUNCTION rate(v (mV)) (/ms) {
    TABLE DEPEND vhalf FROM -100 TO 100 WITH 200
    rate = 1/(1 + exp(-(v - vhalf)/5 (mV)))
}
PROCEDURE tab(v (mV)) {
    TABLE x DEPEND vhalf FROM -100 TO 100 WITH 200
    x = v
}
FUNCTION shift(a, b) { shift = a^b^2 - -a^2 }
