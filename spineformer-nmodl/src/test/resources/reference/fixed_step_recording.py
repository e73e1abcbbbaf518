"""The set-up shared by the project's NEURON 8.2.2 recording scripts (record_bab.py, record_writerev.py; Spineformer's
own code): the compiled mechanisms loaded, sections of nseg 1 (cm 1, Ra 35.4), an IClamp of 0.3 nA from 20 to 70 ms,
a fixed-step run (dt 0.025 ms, 37 degC, backward Euler, v_init -70 mV, 100 ms) recording at every step, and its
output: OUTDIR/NAME.csv.gz (13 significant digits) and OUTDIR/NAME.json (the settings).
"""
import gzip
import json
import os

from neuron import h


def start(argv):
    """Loads the library argv[1] and stdrun.hoc, creates the output folder argv[2] and returns it."""
    lib, outdir = argv[1:3]
    h.nrn_load_dll(lib)
    h.load_file("stdrun.hoc")
    os.makedirs(outdir, exist_ok=True)
    return outdir


def section(name, length, diam, mechanisms):
    """A section of one segment (cm 1, Ra 35.4) with the mechanisms inserted, pas at 1e-4 S/cm2 and -70 mV."""
    sec = h.Section(name=name)
    sec.L, sec.diam, sec.nseg, sec.cm, sec.Ra = length, diam, 1, 1, 35.4
    for m in mechanisms:
        sec.insert(m)
    sec.g_pas, sec.e_pas = 1e-4, -70
    return sec


def geometry(sec):
    """A section's settings, as the json files write them."""
    return {"L_um": float(sec.L), "diam_um": float(sec.diam), "nseg": sec.nseg, "cm_uF_cm2": 1.0, "Ra_ohm_cm": 35.4}


def iclamp(sec):
    """The IClamp at sec(0.5) (0.3 nA from 20 to 70 ms) and its settings: keep the object while the run lasts."""
    stim = h.IClamp(sec(0.5))
    stim.delay, stim.dur, stim.amp = 20, 50, 0.3
    return stim, {"delay_ms": 20.0, "dur_ms": 50.0, "amp_nA": 0.3}


def run_and_write(refs, outdir, name, settings):
    """Records refs ({column: pointer}) at every step of the run; writes NAME.csv.gz and NAME.json (the common
    settings around the script's own: its sections, mechanisms, pas and stimulus)."""
    vecs = {column: h.Vector().record(ref) for column, ref in refs.items()}
    h.dt, h.celsius, h.secondorder = 0.025, 37, 0
    h.finitialize(-70)
    h.continuerun(100)
    names = list(vecs)
    with gzip.open(os.path.join(outdir, name + ".csv.gz"), "wt") as f:
        f.write(",".join(names) + "\n")
        for i in range(len(vecs["t_ms"])):
            f.write(",".join("%.13g" % vecs[n][i] for n in names) + "\n")
    everything = {"simulator": h.nrnversion(), "celsius_degC": 37.0, "dt_ms": 0.025,
                  "integration": "fixed step, backward Euler (h.secondorder = 0), CVode off"}
    everything.update(settings)
    everything.update({"v_init_mV": -70.0, "tstop_ms": 100.0, "columns": names})
    with open(os.path.join(outdir, name + ".json"), "w") as f:
        json.dump(everything, f, indent=1)
