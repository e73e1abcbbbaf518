"""Records NEURON 8.2.2 running the project's mod/beforeafter files (Spineformer's own script): one compartment
(20 x 20 um, cm 1, Ra 35.4) with pas (1e-4 S/cm2, -70 mV), bab (every BEFORE/AFTER block) and bacw (AFTER SOLVE of a
concentration writer), an IClamp (0.3 nA from 20 to 70 ms); fixed step (dt 0.025 ms, 37 degC, backward Euler),
v_init -70 mV, 100 ms. Writes OUTDIR/bab.csv.gz (13 significant digits) and OUTDIR/bab.json.
Usage, from a directory other than the mod folder: /usr/bin/python3 record_bab.py LIBNRNMECH.so OUTDIR
"""
import gzip
import json
import os
import sys

from neuron import h

lib, outdir = sys.argv[1:3]
h.nrn_load_dll(lib)
h.load_file("stdrun.hoc")
os.makedirs(outdir, exist_ok=True)

soma = h.Section(name="soma")
soma.L, soma.diam, soma.nseg, soma.cm, soma.Ra = 20, 20, 1, 1, 35.4
for m in ("pas", "bab", "bacw"):
    soma.insert(m)
soma.g_pas, soma.e_pas = 1e-4, -70
stim = h.IClamp(soma(0.5))
stim.delay, stim.dur, stim.amp = 20, 50, 0.3

seg = soma(0.5)
refs = {"t_ms": h._ref_t, "v_mV": seg._ref_v, "ik": seg._ref_ik, "ek": seg._ref_ek, "cai": seg._ref_cai,
        "eca": seg._ref_eca}
for var in ("gnow", "m", "x0", "nbi", "nai", "nbb", "nas", "nbs", "vbi", "tbb", "vbb", "tas", "mas", "tbs", "vbs"):
    refs[var + "_bab"] = getattr(seg, "_ref_" + var + "_bab")
for var in ("cseen", "nas"):
    refs[var + "_bacw"] = getattr(seg, "_ref_" + var + "_bacw")
vecs = {name: h.Vector().record(ref) for name, ref in refs.items()}
h.dt, h.celsius, h.secondorder = 0.025, 37, 0
h.finitialize(-70)
h.continuerun(100)

names = list(vecs)
with gzip.open(os.path.join(outdir, "bab.csv.gz"), "wt") as f:
    f.write(",".join(names) + "\n")
    for i in range(len(vecs["t_ms"])):
        f.write(",".join("%.13g" % vecs[n][i] for n in names) + "\n")
settings = {
    "simulator": h.nrnversion(), "celsius_degC": 37.0, "dt_ms": 0.025,
    "integration": "fixed step, backward Euler (h.secondorder = 0), CVode off",
    "section": {"L_um": 20.0, "diam_um": 20.0, "nseg": 1, "cm_uF_cm2": 1.0, "Ra_ohm_cm": 35.4},
    "mechanisms_inserted": ["pas", "bab", "bacw"], "pas": {"g_S_cm2": 1e-4, "e_mV": -70.0},
    "stimulus": {"type": "IClamp", "location": 0.5, "delay_ms": 20.0, "dur_ms": 50.0, "amp_nA": 0.3},
    "v_init_mV": -70.0, "tstop_ms": 100.0, "columns": names,
}
with open(os.path.join(outdir, "bab.json"), "w") as f:
    json.dump(settings, f, indent=1)
