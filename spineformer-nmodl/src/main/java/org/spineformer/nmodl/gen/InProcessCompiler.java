package org.spineformer.nmodl.gen;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.spineformer.engine.mech.MechanismBlock;

/**
 * Compiles generated Java in memory with the JDK's compiler ({@code javax.tools}) and loads it: no files, no
 * dependency beyond the JDK. It needs a JDK (not a bare JRE), as building Spineformer does.
 */
final class InProcessCompiler {
    private InProcessCompiler() {
    }

    /** The class {@code PACKAGE.className} compiled from {@code source}. */
    static Class<?> compile(String className, String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("compiling NMODL needs a JDK: this Java (" + System.getProperty(
                    "java.home") + ") has no compiler");
        }
        String binaryName = JavaGenerator.PACKAGE + "." + className;
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
        ForwardingJavaFileManager<StandardJavaFileManager> files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + kind.extension),
                        kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(name, n -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + binaryName.replace('.', '/')
                + JavaFileObject.Kind.SOURCE.extension), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = List.of("-classpath", engineClassPath(), "-proc:none", "-g:none", "-nowarn");
        boolean ok = javac.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
        if (!ok) {
            throw new IllegalStateException("internal error: the Java generated for " + className
                    + " does not compile:\n" + diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).map(d -> "line " + d.getLineNumber() + ": "
                            + d.getMessage(null)).collect(Collectors.joining("\n")) + "\n" + numbered(source));
        }
        ClassLoader loader = new ClassLoader(MechanismBlock.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                ByteArrayOutputStream bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] b = bytes.toByteArray();
                return defineClass(name, b, 0, b.length);
            }
        };
        try {
            return loader.loadClass(binaryName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("internal error: " + binaryName + " was not produced", e);
        }
    }

    /** Where the engine's classes are (a jar or a folder), with the class path the JVM was started with. */
    private static String engineClassPath() {
        try {
            Path engine = Path.of(MechanismBlock.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return engine + File.pathSeparator + System.getProperty("java.class.path");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
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
