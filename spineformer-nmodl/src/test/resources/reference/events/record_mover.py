"""Records NEURON 8.2.2's run of the project's Mover (mod/events/mover.mod, an ARTIFICIAL_CELL using net_move) for
Spineformer's NMODL tests: one 20 um compartment with pas and the project's expsynapse (mod/features/exp_synapse.mod)
at 0.5; the Mover receives connection events at 10, 12 and 40 ms (NetCon.event) and drives the synapse through a
NetCon (delay 1.5 ms, weight 0.003 uS); columns t, v, the synapse's g, the Mover's n and tf. Spineformer's own
script. Usage, from a directory other than the mod folder: /usr/bin/python3 record_mover.py LIBNRNMECH.so OUTDIR
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
syn = h.expsynapse(soma(0.5))
relay = h.Mover()
drive = h.NetCon(None, relay)
drive.weight[0] = 1
out = h.NetCon(relay, syn)
out.delay, out.weight[0] = 1.5, 0.003


def send():
    for t in (10, 12, 40):
        drive.event(t)


fih = h.FInitializeHandler(send)
vecs = {"t_ms": h.Vector().record(h._ref_t), "v_mV": h.Vector().record(soma(0.5)._ref_v),
        "g": h.Vector().record(syn._ref_g), "n": h.Vector().record(relay._ref_n),
        "tf": h.Vector().record(relay._ref_tf)}
h.dt, h.celsius, h.secondorder = 0.025, 37, 0
h.finitialize(-70)
h.continuerun(100)
names = list(vecs)
with gzip.open(os.path.join(outdir, "inputs.csv.gz"), "wt") as f:
    f.write(",".join(names) + "\n")
    for i in range(len(vecs["t_ms"])):
        f.write(",".join("%.13g" % vecs[n][i] for n in names) + "\n")
settings = {"simulator": h.nrnversion(), "celsius_degC": 37.0, "dt_ms": 0.025,
            "integration": "fixed step, backward Euler (h.secondorder = 0), CVode off",
            "section": {"L_um": 20.0, "diam_um": 20.0, "cm_uF_cm2": 1.0, "Ra_ohm_cm": 35.4, "nseg": 1},
            "drive_ms": [10, 12, 40], "out": {"delay_ms": 1.5, "weight_uS": 0.003},
            "v_init_mV": -70.0, "tstop_ms": 100.0, "columns": names}
with open(os.path.join(outdir, "inputs.json"), "w") as f:
    json.dump(settings, f, indent=1)
