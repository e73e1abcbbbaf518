"""Records NEURON 8.2.2 running the project's mod/order files (Spineformer's own script): one compartment (20 x 20
um, cm 1, Ra 35.4, nseg 1) with pas (1e-4 S/cm2, -70 mV) and an IClamp (0.3 nA from 20 to 70 ms), fixed step (dt
0.025 ms, 37 degC, backward Euler), v_init -70 mV, 100 ms; in run reader_first with aseen and kwrite, in run
writer_first with kwrite and zseen (NEURON runs them in its mechanism type order, the order nrnivmodl registered the
files in: aseen, kwrite, zseen, whatever the order of insertion). Records v, the reader's seen and q, the ion's ik (the sum
of both currents) and the clamp's current. Writes OUTDIR/RUN.csv.gz (17 significant digits) and OUTDIR/RUN.json.
Usage, from a directory other than the mod folder, after nrnivmodl of the three files:
  /usr/bin/python3 record_order.py LIBNRNMECH.so OUTDIR
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
TYPE_ORDER = ["aseen", "kwrite", "zseen"]  # nrnivmodl's, after the built-in pas


def run(name, reader, mechanisms):
    soma = h.Section(name="soma")
    soma.L, soma.diam, soma.nseg, soma.cm, soma.Ra = 20, 20, 1, 1, 35.4
    soma.insert("pas")
    soma.g_pas, soma.e_pas = 1e-4, -70
    for m in mechanisms:
        soma.insert(m)
    seg = soma(0.5)
    stim = h.IClamp(seg)
    stim.delay, stim.dur, stim.amp = 20, 50, 0.3
    refs = {"t_ms": h._ref_t, "v_mV": seg._ref_v, "seen": getattr(seg, "_ref_seen_" + reader),
            "q": getattr(seg, "_ref_q_" + reader),
            "ik": seg._ref_ik, "i_iclamp_nA": stim._ref_i}
    vecs = {n: h.Vector().record(r) for n, r in refs.items()}
    h.dt, h.celsius, h.secondorder = 0.025, 37, 0
    h.finitialize(-70)
    h.continuerun(100)
    names = list(vecs)
    with gzip.open(os.path.join(outdir, name + ".csv.gz"), "wt") as f:
        f.write(",".join(names) + "\n")
        for i in range(len(vecs["t_ms"])):
            f.write(",".join("%.17g" % vecs[n][i] for n in names) + "\n")
    settings = {
        "simulator": h.nrnversion(), "celsius_degC": 37.0, "dt_ms": 0.025,
        "integration": "fixed step, backward Euler (h.secondorder = 0), CVode off",
        "section": {"L_um": 20.0, "diam_um": 20.0, "cm_uF_cm2": 1.0, "Ra_ohm_cm": 35.4, "nseg": 1},
        "mechanisms_in_type_order": ["pas"] + sorted(mechanisms, key=TYPE_ORDER.index), "reader": reader,
        "mechanism_parameters": {"pas": {"range": {"g_S_cm2": 1e-4, "e_mV": -70.0}}},
        "stimulus": {"type": "IClamp", "location": 0.5, "delay_ms": 20.0, "dur_ms": 50.0, "amp_nA": 0.3},
        "v_init_mV": -70.0, "tstop_ms": 100.0, "columns": names,
    }
    with open(os.path.join(outdir, name + ".json"), "w") as f:
        json.dump(settings, f, indent=1)
    del stim
    h.delete_section(sec=soma)


# inserted in the other order than NEURON runs them: the type order decides, not the insertion
run("reader_first", "aseen", ["kwrite", "aseen"])
run("writer_first", "zseen", ["zseen", "kwrite"])
