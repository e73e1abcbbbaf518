"""Records NEURON 8.2.2 running the project's mod/ions files that write reversal potentials (Spineformer's own
script): a soma (20 x 20 um) with pas, ekset (writes ek and ik), kacc (writes ki), kread (reads ek), capool (writes
cai and eca) and caread (reads eca), and a dendrite (100 x 2 um, at the soma's 1-end) with pas, kacc, kread and
caread; an IClamp in the soma (0.3 nA from 20 to 70 ms); fixed step (dt 0.025 ms, 37 degC, backward Euler), v_init
-70 mV, 100 ms: the set-up of ../events/recording.py. Writes OUTDIR/writerev.csv.gz (13 significant digits) and
OUTDIR/writerev.json.
Usage, from a directory other than the mod folder: /usr/bin/python3 record_writerev.py LIBNRNMECH.so OUTDIR
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "events"))
import recording  # noqa: E402
from recording import h  # noqa: E402

outdir = recording.start()
inserted = {"soma": ["pas", "capool", "caread", "ekset", "kacc", "kread"],
            "dend": ["pas", "caread", "kacc", "kread"]}
soma = recording.compartment()
dend = h.Section(name="dend")
dend.L, dend.diam, dend.nseg, dend.cm, dend.Ra = 100, 2, 1, 1, 35.4
dend.connect(soma(1), 0)
dend.insert("pas")
dend.g_pas, dend.e_pas = 1e-4, -70
for sec in (soma, dend):
    for m in inserted[sec.name()][1:]:
        sec.insert(m)
stim = h.IClamp(soma(0.5))
stim.delay, stim.dur, stim.amp = 20, 50, 0.3

s, d = soma(0.5), dend(0.5)
refs = {"t_ms": h._ref_t, "v_soma_mV": s._ref_v, "v_dend_mV": d._ref_v,
        "ek_soma": s._ref_ek, "ek_dend": d._ref_ek, "ki_soma": s._ref_ki, "ki_dend": d._ref_ki,
        "ik_soma": s._ref_ik, "ik_dend": d._ref_ik,
        "eca_soma": s._ref_eca, "eca_dend": d._ref_eca, "cai_soma": s._ref_cai, "cai_dend": d._ref_cai,
        "ica_soma": s._ref_ica, "ica_dend": d._ref_ica,
        "s_ekset_soma": s._ref_s_ekset, "n_kread_soma": s._ref_n_kread, "n_kread_dend": d._ref_n_kread,
        "ekseen_kread_soma": s._ref_ekseen_kread, "ekseen_kread_dend": d._ref_ekseen_kread,
        "m_caread_soma": s._ref_m_caread, "ecaseen_caread_soma": s._ref_ecaseen_caread,
        "ecaseen_caread_dend": d._ref_ecaseen_caread}
vecs = {name: h.Vector().record(ref) for name, ref in refs.items()}
recording.run()
recording.write(outdir, "writerev", vecs, {
    "sections": {"soma": {"L_um": 20.0, "diam_um": 20.0, "nseg": 1, "cm_uF_cm2": 1.0, "Ra_ohm_cm": 35.4},
                 "dend": {"L_um": 100.0, "diam_um": 2.0, "nseg": 1, "cm_uF_cm2": 1.0, "Ra_ohm_cm": 35.4,
                          "parent": "soma(1)"}},
    "mechanisms_inserted": inserted, "pas": {"g_S_cm2": 1e-4, "e_mV": -70.0},
    "stimulus": {"type": "IClamp", "section": "soma", "location": 0.5, "delay_ms": 20.0, "dur_ms": 50.0,
                 "amp_nA": 0.3}}, section=False)
