: Spineformer's own test file (VectorKernelsTest), written for this project.
TITLE Non-integer powers and logarithms in vector lanes (VectorKernelsTest)
COMMENT
Spineformer's own test file, for its vector kernels test: pow and ^ with other exponents than 3 and 4, and log, in
the current phase and in a cnexp state phase (VectorMath.pow and .log in lanes, StrictPow and StrictLog in the
scalar code). The state's target is a Hill function, 1 / (1 + (k / c)^4.8), SK_E2's form, of a positive c that
follows cai and a second state y, which follows v (not a function of v alone: no table of v, the state phase in
lanes); its time constant is 5 log(tscale), a logarithm of a PARAMETER (kept while tscale is unchanged). In the
current, a group's lanes leave pow's range in lanes at every step: w^5 of a w negative below -65 mV (an integer
power of a negative number), ((v + 60) / 20)^2 (a square of either sign: x x in lanes), pow(0 v, 2.5) (0 to a
power); log(softplus) of a positive argument, and log |v + 65|, -infinity at the start (v = -65 mV), read only by a
comparison. Each enters the current with a weight, so a wrong lane shows in v. A temperature factor
q10^((celsius - temp)/10) of PARAMETERs keeps Math.pow (lane by lane in lanes), as the kept log(tscale) keeps
Math.log.
ENDCOMMENT

NEURON {
    SUFFIX powlog
    NONSPECIFIC_CURRENT i
    USEION ca READ cai
    RANGE g, e, tscale, q10, temp, tadj, hill, odd, square, zero, soft, near
}

UNITS {
    (mA) = (milliamp)
    (mV) = (millivolt)
    (S) = (siemens)
}

PARAMETER {
    g = 0.0005 (S/cm2)
    e = -70 (mV)
    tscale = 2.5
    q10 = 2.3
    temp = 21 (degC)
}

ASSIGNED {
    v (mV)
    i (mA/cm2)
    cai (mM)
    tadj
    hill
    odd
    square
    zero
    soft
    near
}

STATE { x y }

INITIAL {
    x = 0
    y = 0
}

BREAKPOINT {
    SOLVE states METHOD cnexp
    odd = pow(v/10 + 6.5, 5)
    square = ((v + 60)/20)^2
    zero = pow(0*v, 2.5)
    soft = log(1 + exp((v + 60)/5))
    near = log(fabs(v + 65))
    tadj = q10^((celsius - temp)/10)
    i = tadj*g*(v - e)*(1 + 0.01*x + 0.001*odd + 0.001*square + zero + 0.01*soft + 0.001*(near > 0))
}

DERIVATIVE states {
    hill = 1/(1 + (0.00043/(cai*(0.5 + 10*y)))^4.8)
    x' = (hill - x)/(5*log(tscale))
    y' = (1/(1 + exp(-(v + 55)/4)) - y)/2
}
