TITLE an artificial cell that relays each input as a short burst (Spineformer test mechanism)
: written for Spineformer's NMODL tests: ARTIFICIAL_CELL, net_event (events out through its connections),
: net_send with a flag to itself: each connection's event starts count events out, interval ms apart

NEURON {
    ARTIFICIAL_CELL Relay
    RANGE interval, count, n
}

PARAMETER {
    interval = 2 (ms)
    count = 3 (1)
}

ASSIGNED {
    n (1)
}

INITIAL {
    n = 0
}

NET_RECEIVE(w) {
    if (flag == 0) {
        n = 0
    }
    if (n < count) {
        net_event(t)
        n = n + 1
        net_send(interval, 1)
    }
}
