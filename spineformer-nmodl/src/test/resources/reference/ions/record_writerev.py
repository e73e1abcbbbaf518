"""Records NEURON 8.2.2 running the project's mod/ions files that write reversal potentials (Spineformer's own
script): a soma (20 x 20 um) with pas, ekset (writes ek and ik), kacc (writes ki), kread (reads ek), capool (writes
cai and eca) and caread (reads eca), and a dendrite (100 x 2 um, at the soma's 1-end) with pas, kacc, kread and
caread; an IClamp in the soma (0.3 nA from 20 to 70 ms); fixed step (dt 0.025 ms, 37 degC, backward Euler), v_init
-70 mV, 100 ms (the set-up of ../fixed_step_recording.py). Writes OUTDIR/writerev.csv.gz (13 significant digits)
and OUTDIR/writerev.json.
Usage, from a directory other than the mod folder: /usr/bin/python3 record_writerev.py LIBNRNMECH.so OUTDIR
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import fixed_step_recording as rec  # noqa: E402

outdir = rec.start(sys.argv)
inserted = {"soma": ["pas", "capool", "caread", "ekset", "kacc", "kread"],
            "dend": ["pas", "caread", "kacc", "kread"]}
soma = rec.section("soma", 20, 20, inserted["soma"])
dend = rec.section("dend", 100, 2, inserted["dend"])
dend.connect(soma(1), 0)
stim, stimulus = rec.iclamp(soma)

s, d = soma(0.5), dend(0.5)
refs = {"t_ms": rec.h._ref_t, "v_soma_mV": s._ref_v, "v_dend_mV": d._ref_v,
        "ek_soma": s._ref_ek, "ek_dend": d._ref_ek, "ki_soma": s._ref_ki, "ki_dend": d._ref_ki,
        "ik_soma": s._ref_ik, "ik_dend": d._ref_ik,
        "eca_soma": s._ref_eca, "eca_dend": d._ref_eca, "cai_soma": s._ref_cai, "cai_dend": d._ref_cai,
        "ica_soma": s._ref_ica, "ica_dend": d._ref_ica,
        "s_ekset_soma": s._ref_s_ekset, "n_kread_soma": s._ref_n_kread, "n_kread_dend": d._ref_n_kread,
        "ekseen_kread_soma": s._ref_ekseen_kread, "ekseen_kread_dend": d._ref_ekseen_kread,
        "m_caread_soma": s._ref_m_caread, "ecaseen_caread_soma": s._ref_ecaseen_caread,
        "ecaseen_caread_dend": d._ref_ecaseen_caread}
rec.run_and_write(refs, outdir, "writerev", {
    "sections": {"soma": rec.geometry(soma), "dend": {**rec.geometry(dend), "parent": "soma(1)"}},
    "mechanisms_inserted": inserted, "pas": {"g_S_cm2": 1e-4, "e_mV": -70.0},
    "stimulus": {"type": "IClamp", "section": "soma", "location": 0.5, **stimulus}})
