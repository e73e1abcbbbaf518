NEURON { SUFFIX tabdep RANGE x, y, vhalf }
PARAMETER { vhalf = -40 (mV) }
ASSIGNED { v (mV) x y }
BREAKPOINT {
    x = rate(v)
    gates(v)
}
FUNCTION rate(v (mV)) {
    TABLE DEPEND vhalf FROM -100 TO 100 WITH 200
    rate = 1/(1 + exp(-(v - vhalf)/5))
}
PROCEDURE gates(v (mV)) {
    TABLE y DEPEND vhalf FROM -100 TO 100 WITH 50
    y = exp(-(v - vhalf)/20)
}
