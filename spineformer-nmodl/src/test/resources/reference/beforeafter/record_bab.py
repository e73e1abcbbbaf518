"""Records NEURON 8.2.2 running the project's mod/beforeafter files (Spineformer's own script): one compartment
(20 x 20 um, cm 1, Ra 35.4) with pas (1e-4 S/cm2, -70 mV), bab (every BEFORE/AFTER block) and bacw (AFTER SOLVE of a
concentration writer), an IClamp (0.3 nA from 20 to 70 ms); fixed step (dt 0.025 ms, 37 degC, backward Euler),
v_init -70 mV, 100 ms: the set-up of ../events/recording.py. Writes OUTDIR/bab.csv.gz (13 significant digits) and
OUTDIR/bab.json.
Usage, from a directory other than the mod folder: /usr/bin/python3 record_bab.py LIBNRNMECH.so OUTDIR
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "events"))
import recording  # noqa: E402
from recording import h  # noqa: E402

outdir = recording.start()
soma = recording.compartment()
for m in ("bab", "bacw"):
    soma.insert(m)
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
recording.run()
recording.write(outdir, "bab", vecs, {
    "section": {"L_um": 20.0, "diam_um": 20.0, "nseg": 1, "cm_uF_cm2": 1.0, "Ra_ohm_cm": 35.4},
    "mechanisms_inserted": ["pas", "bab", "bacw"], "pas": {"g_S_cm2": 1e-4, "e_mV": -70.0},
    "stimulus": {"type": "IClamp", "location": 0.5, "delay_ms": 20.0, "dur_ms": 50.0, "amp_nA": 0.3}},
    section=False)
