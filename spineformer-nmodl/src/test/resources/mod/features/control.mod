NEURON { SUFFIX ctl }
ASSIGNED { v (mV) x y }
BREAKPOINT {
    LOCAL k, s
    s = 0
    FROM k = 0 TO 3 BY 1 { s = s + k }
    while (s > 10) { s = s - 1 }
    if (v > 0 && !(s == 1) || v <= -10) {
        x = 1
    } else if (v != 3) {
        x = 2
    } else {
        x = 3
    }
    y = s
}
