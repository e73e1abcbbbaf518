TITLE calcium pool of a spine head (after Destexhe et al. 1993 and Badoual 2004)
COMMENT
Written for Spineformer from the pool's equation (see the Java port
org.spineformer.mechanisms.calcium.CadSpine): inward calcium current fills a shell of the given
depth (the 18 of the published model included), ca' = drive + (cainf - ca)/taur with
drive = max(0, -10000 ica/(2 F depth 18)), solved by derivimplicit; cai follows ca.
ENDCOMMENT

NEURON {
    SUFFIX cadspine
    USEION ca READ ica WRITE cai
    GLOBAL depth, taur, cainf
}

UNITS {
    (mM) = (milli/liter)
    (um) = (micron)
    (mA) = (milliamp)
    FARADAY = (faraday) (coulombs)
}

PARAMETER {
    depth = 0.125 (um) <1e-9, 1e9>
    taur = 15 (ms) <1e-9, 1e9>
    cainf = 5e-7 (mM)
}

ASSIGNED {
    ica (mA/cm2)
    cai (mM)
    drive (mM/ms)
}

STATE { ca (mM) }

INITIAL {
    ca = cainf
    cai = ca
}

BREAKPOINT { SOLVE pool METHOD derivimplicit }

DERIVATIVE pool {
    drive = -(10000)*ica/(2*FARADAY*depth*18)
    if (drive <= 0) {
        drive = 0
    }
    ca' = drive + (cainf - ca)/taur
    cai = ca
}
