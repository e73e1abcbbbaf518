package org.spineformer.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The strict JSON cursor both readers walk their files with: the messages the description and protocol readers
 * give through it (their own tests check them in context) and what it does the same for both.
 */
class StrictJsonTest {
    private static StrictJson parse(String json) {
        return StrictJson.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "f.json");
    }

    @Test
    void errorsNameFileAndPointer() {
        StrictJson root = parse("{\"a\": {\"b\": [1, {\"c\": \"x\"}]}}");
        StrictJson c = root.object("a").array("b").get(1);
        assertThat(c.pointer()).isEqualTo("/a/b/1");
        assertThat(c.where()).isEqualTo("f.json: /a/b/1");
        assertThat(root.where()).isEqualTo("f.json: /");
        assertThat(c.error("c", "bad").getMessage()).isEqualTo("f.json: /a/b/1/c: bad");
        assertThat(c.error(null, "bad").getMessage()).isEqualTo("f.json: /a/b/1: bad");
        assertThatThrownBy(() -> c.number("c")).hasMessage("f.json: /a/b/1/c: must be a number, was \"x\"");
        assertThatThrownBy(() -> root.object("a").array("b").get(0).string("c"))
                .hasMessage("f.json: /a/b/0: must be an object, was 1");
    }

    @Test
    void missingKeysAreReportedInNameOrderWhateverTheSetOrder() {
        StrictJson empty = parse("{}");
        for (Set<String> required : new Set[]{Set.of("zeta", "alpha", "mid"), Set.of("mid", "zeta", "alpha")}) {
            assertThatThrownBy(() -> empty.keys(required, Set.of())).hasMessage("f.json: /alpha: missing");
        }
        assertThatThrownBy(() -> parse("{\"x\": 1, \"q\": 2}").keys(Set.of("x"), Set.of("b", "a")))
                .hasMessage("f.json: /q: unknown key (allowed here: [a, b, x])");
    }

    @Test
    void anAbsentKeyIsAnErrorNotACrash() {
        StrictJson o = parse("{}");
        assertThatThrownBy(() -> o.object("k")).hasMessage("f.json: /k: must be an object, was null");
        assertThatThrownBy(() -> o.bool("k")).hasMessage("f.json: /k: must be true or false, was null");
        assertThat(o.array("k")).isEmpty();
    }

    @Test
    void malformedFilesAndDuplicateKeys() {
        // Jackson reads an empty file as a missing value, not null: it is "not an object" where the readers look.
        assertThatThrownBy(() -> parse("").keys(Set.of(), Set.of())).hasMessage("f.json: /: must be an object, was ");
        assertThatThrownBy(() -> parse("{\n  \"a\": }")).hasMessageStartingWith(
                "f.json: line 2, column 8: malformed JSON");
        assertThatThrownBy(() -> parse("{\"a\": 1, \"a\": 2}")).hasMessageStartingWith("f.json: line 1, column")
                .hasMessageContaining("Duplicate field 'a'");
    }
}
