package org.spineformer.experiments.ellwood2024;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spineformer.cell.CellModel;

/**
 * What identifies a panel's run in its run.json: the panel's name and its config without the trial count (trial i
 * does not depend on how many trials there are, so a run may be extended), plus whatever inputs the panel took from
 * other runs (the bAP delays, a threshold), and for a {@code --model} cell its name and the SHA-256 of its
 * description and of the morphology file it reads (absent for the paper's cell, whose fingerprints are those of the
 * runs made before {@code --model}).
 */
final class Fingerprint {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fingerprint() {
    }

    /**
     * @param config a config record
     * @param trialCountKey the config's component that counts trials, left out; null when trial i depends on the
     *     count (a scan whose grid the count sets), which then stays in
     * @param inputs more entries, in pairs key, value
     */
    static Map<String, Object> of(CellModel model, String panel, Object config, String trialCountKey,
                                  Object... inputs) {
        Map<String, Object> settings = MAPPER.convertValue(config, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        if (trialCountKey != null && settings.remove(trialCountKey) == null) {
            throw new IllegalArgumentException("config " + config.getClass().getSimpleName() + " has no component '"
                    + trialCountKey + "'");
        }
        Map<String, Object> fingerprint = new LinkedHashMap<>();
        fingerprint.put("panel", panel);
        fingerprint.put("config", settings);
        for (int i = 0; i + 1 < inputs.length; i += 2) {
            fingerprint.put((String) inputs[i], inputs[i + 1]);
        }
        if (!model.isPaper()) {
            fingerprint.put("model", model.name());
            fingerprint.put("model_sha256", model.sha256());
            if (model.morphologySha256() != null) {
                fingerprint.put("morphology_sha256", model.morphologySha256());
            }
        }
        return fingerprint;
    }
}
