TITLE Kv3.1 (Shaw) potassium current of Hay et al. (2011)
COMMENT
Written for Spineformer from the channel's equations (see the Java port
org.spineformer.mechanisms.hay2011.SKv31): ik = gSKv3_1bar m (v - ek), one gate
integrated by cnexp, no temperature dependence.
ENDCOMMENT

NEURON {
    SUFFIX SKv3_1
    USEION k READ ek WRITE ik
    RANGE gSKv3_1bar, gSKv3_1
    THREADSAFE
}

UNITS {
    (S) = (siemens)
    (mV) = (millivolt)
    (mA) = (milliamp)
}

PARAMETER {
    gSKv3_1bar = 0.00001 (S/cm2) <0, 1e9>
}

ASSIGNED {
    v (mV)
    ek (mV)
    ik (mA/cm2)
    gSKv3_1 (S/cm2)
}

STATE { m }

BREAKPOINT {
    SOLVE gate METHOD cnexp
    gSKv3_1 = gSKv3_1bar*m
    ik = gSKv3_1*(v - ek)
}

INITIAL { m = mInf(v) }

DERIVATIVE gate { m' = (mInf(v) - m)/mTau(v) }

FUNCTION mInf(vm (mV)) { mInf = 1/(1 + exp((vm - 18.7 (mV))/-9.7 (mV))) }

FUNCTION mTau(vm (mV)) (ms) { mTau = 0.2*20/(1 + exp((vm + 46.56 (mV))/-44.14 (mV))) }
