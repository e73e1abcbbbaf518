package org.spineformer.model.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A JSON value of a strictly read file, with the file's name and the value's JSON pointer, so that every error names
 * both: an unknown, missing or mistyped key is an {@link IllegalArgumentException} "{@code file: /pointer/key:
 * message}". The cell description and protocol readers walk their files with it.
 */
public final class StrictJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String file;
    private final JsonNode node;
    private final String pointer;

    private StrictJson(String file, JsonNode node, String pointer) {
        this.file = file;
        this.node = node;
        this.pointer = pointer;
    }

    /**
     * Parses a whole file (a duplicate key is an error); {@code file} names it in errors. Malformed JSON is an error
     * with its line and column, an empty file an error too.
     */
    public static StrictJson parse(InputStream in, String file) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new IllegalArgumentException(file + ": empty file");
        }
        return new StrictJson(file, root, "");
    }

    /** The value itself. */
    public JsonNode node() {
        return node;
    }

    /** Its JSON pointer ("" for the whole file). */
    public String pointer() {
        return pointer;
    }

    /** "{@code file: /pointer}", the prefix of this value's errors. */
    public String where() {
        return file + ": " + (pointer.isEmpty() ? "/" : pointer);
    }

    /** An error at {@code key} of this value, or at the value itself when {@code key} is null. */
    public IllegalArgumentException error(String key, String message) {
        return new IllegalArgumentException((key == null ? where() : file + ": " + pointer + "/" + key) + ": "
                + message);
    }

    /** Checks that this is an object with every required key and no key outside required and optional. */
    public void keys(Set<String> required, Set<String> optional) {
        requireObject();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!required.contains(k) && !optional.contains(k)) {
                Set<String> allowed = new TreeSet<>(required);
                allowed.addAll(optional);
                throw error(k, "unknown key (allowed here: " + allowed + ")");
            }
        }
        for (String k : new TreeSet<>(required)) {
            if (!node.has(k)) {
                throw error(k, "missing");
            }
        }
    }

    /** The one key of {@code choices} present (besides {@code common}); an error if none or several. */
    public String only(Set<String> common, Set<String> choices) {
        requireObject();
        String found = null;
        for (String c : choices) {
            if (node.has(c)) {
                if (found != null) {
                    throw error(null, "has both '" + found + "' and '" + c + "': give one of " + choices);
                }
                found = c;
            }
        }
        if (found == null) {
            throw error(null, "needs one of " + new TreeSet<>(choices));
        }
        return found;
    }

    /** The one key of {@code choices} this object has, and nothing else. */
    public String only(Set<String> choices) {
        String kind = only(Set.of(), choices);
        keys(Set.of(kind), Set.of());
        return kind;
    }

    public boolean has(String key) {
        return node.has(key);
    }

    /** The value at {@code key}, whatever it is (null inside when there is none). */
    public StrictJson child(String key) {
        return new StrictJson(file, node.get(key), pointer + "/" + key);
    }

    public StrictJson object(String key) {
        JsonNode c = node.get(key);
        if (c == null || !c.isObject()) {
            throw error(key, "must be an object, was " + c);
        }
        return new StrictJson(file, c, pointer + "/" + key);
    }

    /** The elements of the array at {@code key}; none when the key is absent. */
    public List<StrictJson> array(String key) {
        List<StrictJson> out = new ArrayList<>();
        if (!node.has(key)) {
            return out;
        }
        JsonNode a = node.get(key);
        if (!a.isArray()) {
            throw error(key, "must be an array, was " + a);
        }
        for (int i = 0; i < a.size(); i++) {
            out.add(new StrictJson(file, a.get(i), pointer + "/" + key + "/" + i));
        }
        return out;
    }

    public List<String> fieldNames() {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    public String string(String key) {
        requireObject();
        JsonNode n = node.get(key);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw error(key, "must be a non-empty string, was " + n);
        }
        return n.asText();
    }

    public double number(String key) {
        JsonNode n = node.get(key);
        if (n == null || !n.isNumber()) {
            throw error(key, "must be a number, was " + n);
        }
        return n.asDouble();
    }

    public double nonNegative(String key) {
        double v = number(key);
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw error(key, "must be finite and >= 0, was " + v);
        }
        return v;
    }

    public double positive(String key) {
        double v = number(key);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw error(key, "must be finite and > 0, was " + v);
        }
        return v;
    }

    public int positiveInt(String key) {
        JsonNode n = node.get(key);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
            throw error(key, "must be a whole number >= 1, was " + n);
        }
        return n.asInt();
    }

    public boolean bool(String key) {
        JsonNode n = node.get(key);
        if (n == null || !n.isBoolean()) {
            throw error(key, "must be true or false, was " + n);
        }
        return n.asBoolean();
    }

    private void requireObject() {
        if (!node.isObject()) {
            throw error(null, "must be an object, was " + node);
        }
    }
}
