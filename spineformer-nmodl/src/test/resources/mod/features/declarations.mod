NEURON { SUFFIX decl RANGE a, b }
INDEPENDENT { t FROM 0 TO 1 WITH 1 (ms) }
CONSTANT { c0 = -3.5 (mV) }
PARAMETER {
    a = 0.5 (/ms) <0, 1e9>
    b = -2e-3 (mV)
    arr[3] (1)
}
ASSIGNED { v (mV) w[2] }
STATE { m FROM 0 TO 1  n (1) <1e-4> }
INITIAL { m = a  n = b + c0 }
