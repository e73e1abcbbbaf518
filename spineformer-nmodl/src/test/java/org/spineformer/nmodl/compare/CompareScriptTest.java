package org.spineformer.nmodl.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.parse.Parser;

/** The Python script {@code nmodl compare} runs in NEURON, and what it learns of a mod file. */
class CompareScriptTest {
    private static final String SYNAPSE = "NEURON { POINT_PROCESS syn USEION ca READ cai WRITE ica "
            + "USEION k READ ek NONSPECIFIC_CURRENT i }\nPARAMETER { tau = 2 (ms) }\nASSIGNED { v (mV) i (nA) "
            + "cai (mM) ica (nA) ek (mV) }\nSTATE { g (uS) }\nBREAKPOINT { SOLVE s METHOD cnexp\n i = g*(v - ek)\n"
            + " ica = 0 }\nDERIVATIVE s { g' = -g/tau }\nNET_RECEIVE(w (uS)) { g = g + w }\n";

    @Test
    void aMechanismIsKnownByItsNeuronBlock() {
        ComparedMechanism syn = ComparedMechanism.of(Path.of("syn.mod"), Parser.parse("syn.mod", SYNAPSE));
        assertThat(syn).isEqualTo(new ComparedMechanism(Path.of("syn.mod"), "syn", true, true, List.of("ca", "k")));
        assertThat(syn.protocols()).containsExactly(CompareProtocol.NETSTIM);
        ComparedMechanism leak = ComparedMechanism.of(Path.of("leak.mod"), Parser.parse("leak.mod",
                "NEURON { SUFFIX leak NONSPECIFIC_CURRENT i }\nASSIGNED { i (mA/cm2) }\nBREAKPOINT { i = 0 }\n"));
        assertThat(leak.pointProcess()).isFalse();
        assertThat(leak.protocols()).containsExactly(CompareProtocol.VCLAMP_M60, CompareProtocol.VCLAMP_M20,
                CompareProtocol.VCLAMP_P20, CompareProtocol.ICLAMP);
        ComparedMechanism idle = ComparedMechanism.of(Path.of("idle.mod"), Parser.parse("idle.mod",
                "NEURON { POINT_PROCESS idle }\n"));
        assertThat(idle.protocols()).containsExactly(CompareProtocol.DEFAULTS);
    }

    @Test
    void settingsAreMechanismDotNameEqualsAFiniteNumberOfAFieldAModelMaySet() {
        ParameterSettings s = ParameterSettings.parse(List.of("K.g0=0.045", "K.w[1]=2", "Na.v0=55"));
        assertThat(s.of("K")).containsExactly(Map.entry("g0", 0.045), Map.entry("w[1]", 2.0));
        assertThat(s.of("Ca")).isEmpty();
        for (String bad : List.of("g0=1", "K.=1", "K.g0", "K.g0=")) {
            assertThatThrownBy(() -> ParameterSettings.parse(List.of(bad)))
                    .hasMessage("--set " + bad + ": expected MECHANISM.NAME=VALUE");
        }
        assertThatThrownBy(() -> ParameterSettings.parse(List.of("K.g0=x"))).hasMessage("--set K.g0=x: x is not a"
                + " number");
        assertThatThrownBy(() -> ParameterSettings.parse(List.of("K.g0=Infinity")))
                .hasMessage("--set K.g0=Infinity: the value must be finite");
        NmodlMechanism leak = NmodlMechanism.compile("leak.mod", "NEURON { SUFFIX leak RANGE g NONSPECIFIC_CURRENT i"
                + " }\nPARAMETER { g = 0.001 (S/cm2) <0, 1e9> }\nASSIGNED { v (mV) i (mA/cm2) }\nSTATE { s }\n"
                + "BREAKPOINT { SOLVE d METHOD cnexp\n i = g*(v + 70) }\nDERIVATIVE d { s' = -s }\n");
        ParameterSettings.parse(List.of("leak.g=0.002")).check(List.of(leak));
        assertThatThrownBy(() -> ParameterSettings.parse(List.of("K.g0=1")).check(List.of(leak)))
                .hasMessage("--set K.g0: no file compared declares mechanism K");
        assertThatThrownBy(() -> ParameterSettings.parse(List.of("leak.gbar=1")).check(List.of(leak)))
                .hasMessage("--set leak.gbar: leak has no field gbar");
        assertThatThrownBy(() -> ParameterSettings.parse(List.of("leak.s=1")).check(List.of(leak)))
                .hasMessageStartingWith("leak.s is a STATE, not a parameter: it cannot be set");
        assertThatThrownBy(() -> ParameterSettings.parse(List.of("leak.g=-1")).check(List.of(leak)))
                .hasMessageStartingWith("leak.g = -1.0 is invalid");
    }

    @Test
    void theNetStimsSpikesAreStartThenEveryInterval() {
        assertThat(CompareProtocol.netStimTimesMs()).containsExactly(10, 17, 24, 31, 38, 45);
    }

    @Test
    void theScriptForksARunPerProtocolAndTemperatureWithTheProtocolsSettings() {
        ComparedMechanism syn = ComparedMechanism.of(Path.of("syn.mod"), Parser.parse("syn.mod", SYNAPSE));
        String script = CompareScript.generate(Path.of("/x/\"odd\"/libnrnmech.so"), syn, Map.of("tau", 3.5),
                List.of(new CompareScript.Run(CompareProtocol.NETSTIM, 6.3, Path.of("/o/syn_netstim_6.3.csv")),
                new CompareScript.Run(CompareProtocol.VCLAMP_M20, 37, Path.of("/o/syn_vclamp_m20_37.0.csv"))));
        assertThat(script).contains("MECHANISM = \"syn\"", "VALUES = {\"tau\": 3.5}", "POINT_PROCESS = True",
                "NET_RECEIVE = True",
                "IONS = [\"ca\", \"k\"]",
                "(\"netstim\", None, 6.3, \"/o/syn_netstim_6.3.csv\"),",
                "(\"vclamp_m20\", -20.0, 37.0, \"/o/syn_vclamp_m20_37.0.csv\"),",
                "if not h.nrn_load_dll(\"/x/\\\"odd\\\"/libnrnmech.so\"):",
                // the line telling a run that failed from a library NEURON did not load
                "print(\"nmodl compare: NEURON loaded the mechanism library\", flush=True)",
                // the compartment, pas, the NetStim and NetCon, the clamps, as CompareProtocol says
                "soma.L, soma.diam, soma.cm, soma.Ra, soma.nseg = 20.0, 20.0, 1.0, 35.4, 1",
                "seg.pas.g, seg.pas.e = 1.0E-4, -70.0",
                "stim.start, stim.interval, stim.number, stim.noise = 10.0, 7.0, 6, 0",
                "con.delay = 1.0", "con.weight[0] = 0.002",
                "clamp.rs = 0.001", "clamp.dur1, clamp.dur2, clamp.dur3 = 20.0, 50.0, 30.0",
                "clamp.amp1, clamp.amp2, clamp.amp3 = -80.0, step, -80.0",
                "clamp.delay, clamp.dur, clamp.amp = 20.0, 50.0, 0.3",
                "h.secondorder = 0", "h.dt = 0.025", "h.finitialize(-80.0 if step is not None else -70.0)",
                "h.continuerun(100.0)",
                // every variable NEURON lists, each ion's, in full precision, one process per run
                "h.MechanismStandard(MECHANISM, vartype)", "for vartype in (1, 2, 3):",
                "(\"e\" + ion, \"i\" + ion, ion + \"i\", ion + \"o\")", "\"%.17g\"", "os.fork()",
                "os.rename(csv + \".part\", csv)");
    }
}
