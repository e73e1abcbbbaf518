package org.spineformer.nmodl.gen;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * NMODL's printf, which nocmodl passes to C's printf with every argument a double: the conversions e, E, f, F, g,
 * G and %% with C's flags (- + space 0 #), width and precision, each number rounded from its exact binary value to
 * nearest, ties to even, as glibc does (Java's Formatter rounds its shortest decimal half up). Generated code calls
 * {@link #print}; {@link #check} says at generation what a format cannot do here.
 */
public final class CFormat {
    private static final String FLAGS = "-+ 0#";

    private CFormat() {
    }

    /** Prints the format with the arguments to {@code System.out}, as C's printf. */
    public static void print(String format, double[] args) {
        System.out.print(format(format, args));
        System.out.flush();
    }

    /** One conversion of a format: its text from {@code start} to {@code end} (exclusive) and its letter. */
    record Conversion(int start, int end, char letter) {
    }

    /** The format's conversions in order (%% left out), or null when it ends in '%'. */
    static java.util.List<Conversion> conversions(String format) {
        java.util.List<Conversion> out = new java.util.ArrayList<>();
        for (int i = 0; i < format.length(); i++) {
            if (format.charAt(i) != '%') {
                continue;
            }
            int j = i + 1;
            while (j < format.length() && FLAGS.indexOf(format.charAt(j)) >= 0) {
                j++;
            }
            while (j < format.length() && (Character.isDigit(format.charAt(j)) || format.charAt(j) == '.')) {
                j++;
            }
            if (j >= format.length()) {
                return null;
            }
            if (format.charAt(j) != '%') {
                out.add(new Conversion(i, j + 1, format.charAt(j)));
            }
            i = j;
        }
        return out;
    }

    /**
     * Null when the format takes exactly {@code count} doubles with conversions supported here, else why not (the
     * conversion named).
     */
    static String check(String format, int count) {
        java.util.List<Conversion> conversions = conversions(format);
        if (conversions == null) {
            return "a format ending in '%'";
        }
        for (Conversion c : conversions) {
            if ("eEfFgG".indexOf(c.letter()) < 0) {
                return "the conversion %" + c.letter() + " (NEURON passes it a double: only e, f and g print one)";
            }
        }
        return conversions.size() == count ? null : "a format of " + conversions.size() + " conversions for "
                + count + " values";
    }

    static String format(String format, double[] args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            int j = i + 1;
            String flags = "";
            while (FLAGS.indexOf(format.charAt(j)) >= 0) {
                flags += format.charAt(j++);
            }
            int width = 0;
            while (Character.isDigit(format.charAt(j))) {
                width = width * 10 + format.charAt(j++) - '0';
            }
            int precision = 6;
            if (format.charAt(j) == '.') {
                j++;
                precision = 0;
                while (Character.isDigit(format.charAt(j))) {
                    precision = precision * 10 + format.charAt(j++) - '0';
                }
            }
            char c = format.charAt(j);
            i = j;
            if (c == '%') {
                out.append('%');
                continue;
            }
            out.append(pad(convert(args[next++], c, flags, precision), flags, width));
        }
        return out.toString();
    }

    private static String convert(double x, char c, String flags, int precision) {
        boolean upper = Character.isUpperCase(c);
        String sign = (x < 0 || (x == 0 && 1 / x < 0)) ? "-" : flags.contains("+") ? "+"
                : flags.contains(" ") ? " " : "";
        String body;
        if (Double.isNaN(x)) {
            body = "nan";
        } else if (Double.isInfinite(x)) {
            body = "inf";
        } else {
            double a = Math.abs(x);
            boolean alt = flags.contains("#");
            body = switch (Character.toLowerCase(c)) {
                case 'f' -> fixed(a, precision, alt);
                case 'e' -> exponential(a, precision, alt);
                default -> general(a, precision == 0 ? 1 : precision, alt);
            };
        }
        return sign + (upper ? body.toUpperCase() : body);
    }

    private static String fixed(double a, int precision, boolean alt) {
        String s = new BigDecimal(a).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return precision == 0 && alt ? s + "." : s;
    }

    private static String exponential(double a, int precision, boolean alt) {
        int exponent = 0;
        String digits;
        if (a == 0) {
            digits = "0".repeat(precision + 1);
        } else {
            BigDecimal rounded = new BigDecimal(a).round(new java.math.MathContext(precision + 1,
                    RoundingMode.HALF_EVEN));
            digits = rounded.unscaledValue().toString();
            exponent = digits.length() - 1 - rounded.scale();
            digits = (digits + "0".repeat(precision + 1)).substring(0, precision + 1);
        }
        String mantissa = digits.substring(0, 1) + (precision > 0 || alt ? "." : "") + digits.substring(1);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                + Math.abs(exponent);
    }

    /** C's %g: %e when the exponent X (after rounding to P digits) is below -4 or at least P, else %f. */
    private static String general(double a, int precision, boolean alt) {
        String e = exponential(a, precision - 1, alt);
        int exponent = Integer.parseInt(e.substring(e.indexOf('e') + 1));
        String s = exponent < -4 || exponent >= precision ? e : fixed(a, precision - 1 - exponent, alt);
        if (alt) {
            return s;
        }
        int end = s.indexOf('e') < 0 ? s.length() : s.indexOf('e');
        String number = s.substring(0, end);
        if (number.contains(".")) {
            number = number.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return number + s.substring(end);
    }

    private static String pad(String s, String flags, int width) {
        if (s.length() >= width) {
            return s;
        }
        String fill = " ".repeat(width - s.length());
        if (flags.contains("-")) {
            return s + fill;
        }
        if (flags.contains("0") && Character.isDigit(s.charAt(s.length() - 1))) {
            int digits = s.length() > 0 && "+- ".indexOf(s.charAt(0)) >= 0 ? 1 : 0;
            return s.substring(0, digits) + "0".repeat(width - s.length()) + s.substring(digits);
        }
        return fill + s;
    }
}
