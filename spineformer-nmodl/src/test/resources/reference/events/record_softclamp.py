"""Records NEURON 8.2.2's run of the project's SoftClamp (mod/events/softclamp.mod) for Spineformer's NMODL tests:
one 20 um compartment with pas, SoftClamp at 0.5; columns t, v, i, vt, n. Spineformer's own script.
Usage, from a directory other than the mod folder: /usr/bin/python3 record_softclamp.py LIBNRNMECH.so OUTDIR
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
soma.L = soma.diam = 20
soma.cm, soma.Ra, soma.nseg = 1, 35.4, 1
soma.insert("pas")
soma.g_pas, soma.e_pas = 1e-4, -70
clamp = h.SoftClamp(soma(0.5))
vecs = {"t_ms": h.Vector().record(h._ref_t), "v_mV": h.Vector().record(soma(0.5)._ref_v),
        "i_nA": h.Vector().record(clamp._ref_i), "vt_mV": h.Vector().record(clamp._ref_vt), "n": h.Vector().record(clamp._ref_n)}
h.dt, h.celsius, h.secondorder = 0.025, 37, 0
h.finitialize(-70)
h.continuerun(100)
names = list(vecs)
with gzip.open(os.path.join(outdir, "free.csv.gz"), "wt") as f:
    f.write(",".join(names) + "\n")
    for i in range(len(vecs["t_ms"])):
        f.write(",".join("%.13g" % vecs[n][i] for n in names) + "\n")
settings = {"simulator": h.nrnversion(), "celsius_degC": 37.0, "dt_ms": 0.025,
            "integration": "fixed step, backward Euler (h.secondorder = 0), CVode off",
            "section": {"L_um": 20.0, "diam_um": 20.0, "cm_uF_cm2": 1.0, "Ra_ohm_cm": 35.4, "nseg": 1},
            "mechanism_parameters": {"pas": {"range": {"g_S_cm2": 1e-4, "e_mV": -70.0}},
                                     "SoftClamp": {"g_uS": 0.01, "k": 0.05, "target_mV": -40.0, "del_ms": 20.0, "dur_ms": 50.0}},
            "v_init_mV": -70.0, "tstop_ms": 100.0, "columns": names}
with open(os.path.join(outdir, "free.json"), "w") as f:
    json.dump(settings, f, indent=1)
