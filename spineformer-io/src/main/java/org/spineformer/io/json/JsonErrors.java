package org.spineformer.io.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * Jackson's error messages in a user's words: where in the file, and what is wrong with the text, without the
 * parser's feature names (a user cannot enable them) or Java class names (a user never wrote one).
 */
public final class JsonErrors {
    /** "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow". */
    private static final Pattern ENABLE_FEATURE =
            Pattern.compile(":?\\s*enable `[A-Za-z.]*Feature\\.[A-Z_]+` to allow");
    /** "maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled ...)". */
    private static final Pattern FEATURE_NOT_ENABLED =
            Pattern.compile("\\s*\\([^()]*Feature '[A-Z_]+' not enabled[^()]*\\)");
    /** "`org.spineformer.experiments.ellwood2024.Fig3beMatchRoc$Run`" and "(class org.spineformer...Run)". */
    private static final Pattern JAVA_CLASS = Pattern.compile("`?(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*`?");
    private static final Pattern CLASS_IN_PARENTHESES = Pattern.compile("\\s*\\(class [^)]*\\)");

    private JsonErrors() {
    }

    /** "line 3, column 14: Unexpected character ..." (the position when Jackson knows it), cleaned as above. */
    public static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at != null && at.getLineNr() > 0 ? "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": "
                + reason(e) : reason(e);
    }

    /** What is wrong, cleaned as above, without the position (for text that was not read from a file). */
    public static String reason(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m.contains("ALLOW_NON_NUMERIC_NUMBERS")) {
            m += "; NaN and Infinity are not JSON numbers (write a number, or null where one is allowed)";
        }
        m = ENABLE_FEATURE.matcher(m).replaceAll("");
        m = FEATURE_NOT_ENABLED.matcher(m).replaceAll("");
        m = CLASS_IN_PARENTHESES.matcher(m).replaceAll("");
        return JAVA_CLASS.matcher(m).replaceAll("the expected record");
    }
}
