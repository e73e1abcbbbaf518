"""What the record_*.py scripts next to this file share (Spineformer's own): NEURON 8.2.2 with the mechanism library
of the command line, one 20 um compartment with pas, the fixed-step run (dt 0.025 ms, 37 degC, backward Euler,
v_init -70 mV, 100 ms) and its outputs, OUTDIR/NAME.csv.gz (the recorded columns, 13 significant digits) and
OUTDIR/NAME.json (the settings). Usage of every script: /usr/bin/python3 record_X.py LIBNRNMECH.so OUTDIR
"""
import gzip
import json
import os
import sys

from neuron import h

SECTION = {"L_um": 20.0, "diam_um": 20.0, "cm_uF_cm2": 1.0, "Ra_ohm_cm": 35.4, "nseg": 1}


def start():
    """Loads the library given first on the command line; makes the output folder given second and returns it."""
    lib, outdir = sys.argv[1:3]
    h.nrn_load_dll(lib)
    h.load_file("stdrun.hoc")
    os.makedirs(outdir, exist_ok=True)
    return outdir


def compartment():
    """The 20 um compartment with pas (g 1e-4 S/cm2, e -70 mV) the recordings run on."""
    soma = h.Section(name="soma")
    soma.L = soma.diam = 20
    soma.cm, soma.Ra, soma.nseg = 1, 35.4, 1
    soma.insert("pas")
    soma.g_pas, soma.e_pas = 1e-4, -70
    return soma


def run():
    h.dt, h.celsius, h.secondorder = 0.025, 37, 0
    h.finitialize(-70)
    h.continuerun(100)


def write(outdir, name, vecs, settings, section=True):
    """The recorded vectors as NAME.csv.gz; the run's settings, the section's (unless not) and these as NAME.json."""
    names = list(vecs)
    with gzip.open(os.path.join(outdir, name + ".csv.gz"), "wt") as f:
        f.write(",".join(names) + "\n")
        for i in range(len(vecs["t_ms"])):
            f.write(",".join("%.13g" % vecs[n][i] for n in names) + "\n")
    out = {"simulator": h.nrnversion(), "celsius_degC": 37.0, "dt_ms": 0.025,
           "integration": "fixed step, backward Euler (h.secondorder = 0), CVode off"}
    if section:
        out["section"] = SECTION
    out.update(settings)
    out.update({"v_init_mV": -70.0, "tstop_ms": 100.0, "columns": names})
    with open(os.path.join(outdir, name + ".json"), "w") as f:
        json.dump(out, f, indent=1)
