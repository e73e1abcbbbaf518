TITLE printf of doubles (Spineformer test mechanism)
: written for Spineformer's NMODL tests: C's printf conversions e, f, g with flags, width and precision, ties
: rounded to even from the exact binary value (0.125 to 2 decimals is 0.12), %g's choice of style and its trailing
: zeros, infinities, a negative zero, %%; printed at INITIAL and by the first step's state update

NEURON {
    SUFFIX printer
    RANGE x
}

PARAMETER {
    x = 0.125
}

ASSIGNED {
    y
}

INITIAL {
    printf("a=%g b=%g c=%e d=%f e=%.3g f=%10.4f g=%-9.2e| h=%+g i=%05.1f j=%G k=%#g l=%g%%\n", x, 1e-5, 123456789, -0.0, 3.14159, 2.5, 0.000123456, 42, -2.25, 1e-10, 1, 100)
    printf("m=%.2f n=%.0f o=%.0f p=%g q=%g r=%g s=%E t=% g u=%.10g v=%g\n", x, 2.5, 3.5, 1e100, 100000, 1000000, 0, 7, 1/3, 1/0.0000001)
    printf("w=%g z=%g\n", 1e308*10, -1e308*10)
}

BREAKPOINT {
    SOLVE once
}

PROCEDURE once() {
    if (t < 0.03) {
        printf("step at t=%g v=%.6f\n", t, v)
    }
}
