package org.spineformer.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Jackson's messages, as a user reads them: position, no parser feature names, no Java class names. */
class JsonErrorsTest {
    record Run(int matchedAxon, double[] pulsesMs) {
    }

    private static String describe(String json, Class<?> type) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> new ObjectMapper().readValue(json, type));
        return JsonErrors.describe(e);
    }

    @Test
    void nanNamesNoParserFeature() {
        assertThat(describe("{\"v_init\": NaN}", Object.class)).isEqualTo("line 1, column 15: Non-standard token"
                + " 'NaN'; NaN and Infinity are not JSON numbers (write a number, or null where one is allowed)");
    }

    @Test
    void aCommentNamesNoParserFeature() {
        assertThat(describe("{\n  // a comment\n}", Object.class)).isEqualTo("line 2, column 3: Unexpected"
                + " character ('/' (code 47)): maybe a (non-standard) comment?");
    }

    @Test
    void aRecordThatDoesNotFitNamesNoJavaClass() {
        String m = describe("{\"matchedAxon\": \"seven\"}", Run.class);
        assertThat(m).startsWith("line 1, column 17: ").contains("\"seven\"").doesNotContain("org.spineformer")
                .doesNotContain("$").doesNotContain("JsonErrorsTest");
        assertThat(describe("{\"surprise\": 1}", Run.class)).contains("\"surprise\"")
                .doesNotContain("org.spineformer").doesNotContain("class ");
    }
}
