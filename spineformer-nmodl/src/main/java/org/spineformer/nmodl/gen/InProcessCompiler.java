package org.spineformer.nmodl.gen;

import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Compiles generated Java in memory with Janino and loads it. Janino rather than the JDK's {@code javax.tools}:
 * about three times faster on the generated classes (docs/dev/nmodl.md has the measurement) and it runs on a bare
 * JRE; the generated code uses nothing Janino lacks.
 */
final class InProcessCompiler {
    private InProcessCompiler() {
    }

    /** The class {@code PACKAGE.className} compiled from {@code source}. */
    static Class<?> compile(String className, String source) {
        // this module's loader: it sees the engine's classes and the run-time helpers generated code calls (CFormat)
        return compile(className, source, InProcessCompiler.class.getClassLoader());
    }

    /** The class {@code PACKAGE.className} compiled from {@code source}, which sees the classes {@code parent} does. */
    static Class<?> compile(String className, String source, ClassLoader parent) {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(parent);
        try {
            compiler.cook(source);
            return compiler.getClassLoader().loadClass(JavaGenerator.PACKAGE + "." + className);
        } catch (CompileException e) {
            throw new IllegalStateException("internal error: the Java generated for " + className
                    + " does not compile: " + e.getMessage() + "\n" + numbered(source), e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("internal error: " + className + " was not produced", e);
        }
    }

    private static String numbered(String source) {
        String[] lines = source.split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            b.append(String.format("%4d  %s%n", i + 1, lines[i]));
        }
        return b.toString();
    }
}
