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
    /** The conversions of a number: e, f, g as C's; the integer ones of the value's (long) conversion. */
    static final String NUMBER_CONVERSIONS = "eEfFgGdiuxXoc";
    /** The integer conversions, which C's printf reads as an int: NEURON's output is undefined (it passes a double). */
    public static final String INTEGER_CONVERSIONS = "diuxXoc";

    private CFormat() {
    }

    /** Prints the format with the arguments to {@code System.out}, as C's printf. */
    public static void print(String format, double[] args) {
        System.out.print(format(format, args));
        System.out.flush();
    }

    /**
     * A note for each printf call with an integer conversion ({@link #INTEGER_CONVERSIONS}): what is printed here,
     * and that NEURON's own output there is undefined ({@code nmodl check} and the {@code --mod} commands print
     * them, as the checker's other notes).
     */
    public static java.util.List<org.spineformer.nmodl.check.Diagnostic> notes(org.spineformer.nmodl.ast.ModFile mod) {
        java.util.List<org.spineformer.nmodl.check.Diagnostic> out = new java.util.ArrayList<>();
        printfCalls(mod.items(), call -> {
            String text = ((org.spineformer.nmodl.ast.Expr.Str) call.args().get(0)).text();
            java.util.List<Conversion> conversions = conversions(text);
            if (conversions != null && conversions.stream().anyMatch(c -> INTEGER_CONVERSIONS.indexOf(c.letter())
                    >= 0)) {
                out.add(new org.spineformer.nmodl.check.Diagnostic(mod.file(), call.pos(), "note: printf's integer"
                        + " conversions (%d, %i, %c ...) print the value truncated toward zero here; NEURON's output is"
                        + " undefined there (nocmodl passes a double and C's printf reads an int register: NEURON"
                        + " 8.2.2 printed 24 for %d of 3.7)"));
            }
        });
        return out;
    }

    /** Every printf call with a string format in an AST subtree, walked by its records' components. */
    private static void printfCalls(Object node, java.util.function.Consumer<org.spineformer.nmodl.ast.Expr.Call> visit) {
        if (node instanceof org.spineformer.nmodl.ast.Expr.Call c && c.name().equals("printf") && !c.args().isEmpty()
                && c.args().get(0) instanceof org.spineformer.nmodl.ast.Expr.Str) {
            visit.accept(c);
        }
        if (node instanceof java.util.List<?> list) {
            list.forEach(x -> printfCalls(x, visit));
        } else if (node instanceof Record r) {
            for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    printfCalls(c.getAccessor().invoke(r), visit);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c + " of " + r, e);
                }
            }
        }
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
            if (NUMBER_CONVERSIONS.indexOf(c.letter()) < 0) {
                return "the conversion %" + c.letter();
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
            boolean precisionGiven = false;
            if (format.charAt(j) == '.') {
                precisionGiven = true;
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
            if (INTEGER_CONVERSIONS.indexOf(c) >= 0) {
                out.append(integer(args[next++], c, flags, width, precisionGiven ? precision : -1));
                continue;
            }
            out.append(pad(convert(args[next++], c, flags, precision), flags, width));
        }
        return out.toString();
    }

    /**
     * An integer conversion of a double: C's printf would read an int register instead (NEURON's output is
     * undefined); here the value truncated toward zero, {@code (long) x}, with C's flags, width and precision (the
     * minimum of digits; the 0 flag ignored when it is given), %c its low byte as a character.
     */
    private static String integer(double x, char c, String flags, int width, int precision) {
        long n = (long) x;
        if (c == 'c') {
            return pad(String.valueOf((char) (n & 0xFF)), flags.replace("0", ""), width);
        }
        String digits = switch (c) {
            case 'u' -> Long.toUnsignedString(n);
            case 'x' -> Long.toHexString(n);
            case 'X' -> Long.toHexString(n).toUpperCase();
            case 'o' -> Long.toOctalString(n);
            default -> n < 0 ? Long.toString(n).substring(1) : Long.toString(n);
        };
        boolean signed = c == 'd' || c == 'i';
        String sign = signed && n < 0 ? "-" : signed && flags.contains("+") ? "+" : signed && flags.contains(" ") ? " "
                : "";
        if (precision >= 0) {
            digits = precision == 0 && n == 0 ? "" : "0".repeat(Math.max(0, precision - digits.length())) + digits;
        }
        String prefix = flags.contains("#") && n != 0 ? (c == 'x' ? "0x" : c == 'X' ? "0X" : "") : "";
        if (flags.contains("#") && c == 'o' && !digits.startsWith("0")) {
            digits = "0" + digits;
        }
        int fill = width - sign.length() - prefix.length() - digits.length();
        if (fill <= 0) {
            return sign + prefix + digits;
        }
        if (flags.contains("-")) {
            return sign + prefix + digits + " ".repeat(fill);
        }
        if (flags.contains("0") && precision < 0) {
            return sign + prefix + "0".repeat(fill) + digits;
        }
        return " ".repeat(fill) + sign + prefix + digits;
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
