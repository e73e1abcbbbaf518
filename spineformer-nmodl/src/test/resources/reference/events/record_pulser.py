"""Records NEURON 8.2.2's run of the project's Pulser (mod/events/pulser.mod) for Spineformer's NMODL tests: one
20 um compartment with pas, Pulser at 0.5 driven by a NetStim (start 10 ms, interval 20 ms, 3 spikes, no noise)
through a NetCon (delay 1 ms, weight 0.002 uS); columns t, v, i, g, tlast, nsent. Spineformer's own script.
Usage, from a directory other than the mod folder: /usr/bin/python3 record_pulser.py LIBNRNMECH.so OUTDIR
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
syn = h.Pulser(soma(0.5))
stim = h.NetStim()
stim.start, stim.interval, stim.number, stim.noise = 10, 20, 3, 0
nc = h.NetCon(stim, syn)
nc.delay, nc.weight[0] = 1, 0.002
vecs = {"t_ms": h.Vector().record(h._ref_t), "v_mV": h.Vector().record(soma(0.5)._ref_v)}
for name in ["i", "g", "tlast", "nsent"]:
    vecs[name] = h.Vector().record(getattr(syn, "_ref_" + name))
h.dt, h.celsius, h.secondorder = 0.025, 37, 0
h.finitialize(-70)
h.continuerun(100)
names = list(vecs)
with gzip.open(os.path.join(outdir, "netstim.csv.gz"), "wt") as f:
    f.write(",".join(names) + "\n")
    for i in range(len(vecs["t_ms"])):
        f.write(",".join("%.13g" % vecs[n][i] for n in names) + "\n")
settings = {"simulator": h.nrnversion(), "celsius_degC": 37.0, "dt_ms": 0.025,
            "integration": "fixed step, backward Euler (h.secondorder = 0), CVode off",
            "section": {"L_um": 20.0, "diam_um": 20.0, "cm_uF_cm2": 1.0, "Ra_ohm_cm": 35.4, "nseg": 1},
            "mechanism_parameters": {"pas": {"range": {"g_S_cm2": 1e-4, "e_mV": -70.0}},
                                     "Pulser": {"tau_ms": 2.0, "e_mV": 0.0, "dur_ms": 1.5}},
            "stimulus": {"spikes_ms": [10.0, 30.0, 50.0], "delay_ms": 1.0, "weight_uS": 0.002},
            "v_init_mV": -70.0, "tstop_ms": 100.0, "columns": names}
with open(os.path.join(outdir, "netstim.json"), "w") as f:
    json.dump(settings, f, indent=1)
