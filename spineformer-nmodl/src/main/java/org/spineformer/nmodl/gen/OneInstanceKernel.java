package org.spineformer.nmodl.gen;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.mech.PhaseKernel;

/**
 * The phases of consecutive generated blocks of one instance each as one kernel ({@link
 * MechanismBlock#oneInstanceKernel}): a class compiled for their classes, which calls each block's {@code currents}
 * or {@code advance} in order through its own final class, so the calls are bound at compile time and C2 may inline
 * them, where the engine's loop over the blocks makes a virtual call per block. Allen's soma (ten blocks): -1% to
 * -2% per step, faster in 248 of 360 alternated stretches (docs/dev/performance.md "s41 (a18)").
 */
public final class OneInstanceKernel {
    private static final String KERNEL_CLASS = "OneInstanceRun";
    /** The kernels' constructors compiled in this JVM, by the blocks' classes. */
    private static final Map<List<Class<?>>, Constructor<?>> KERNELS = new HashMap<>();

    private OneInstanceKernel() {
    }

    /** The kernel of {@code run}'s phases, or null when one of its blocks is not generated (hand-written). */
    public static PhaseKernel of(List<MechanismBlock> run) {
        List<Class<?>> classes = run.stream().<Class<?>>map(Object::getClass).toList();
        for (Class<?> c : classes) {
            if (!c.getPackageName().equals(JavaGenerator.PACKAGE) || !Modifier.isFinal(c.getModifiers())
                    || !Modifier.isPublic(c.getModifiers())) {
                return null;
            }
        }
        Constructor<?> made;
        synchronized (KERNELS) {
            made = KERNELS.computeIfAbsent(classes, OneInstanceKernel::compile);
        }
        try {
            return (PhaseKernel) made.newInstance((Object) run.toArray(new MechanismBlock[0]));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("internal error: " + KERNEL_CLASS + " not made", e);
        }
    }

    private static Constructor<?> compile(List<Class<?>> classes) {
        String cellState = org.spineformer.engine.mech.CellState.class.getName();
        StringBuilder src = new StringBuilder("package " + JavaGenerator.PACKAGE + ";\n\n");
        src.append("public final class " + KERNEL_CLASS + " extends " + PhaseKernel.class.getName() + " {\n");
        for (int b = 0; b < classes.size(); b++) {
            src.append("    private final " + classes.get(b).getName() + " b" + b + ";\n");
        }
        src.append("\n    public " + KERNEL_CLASS + "(" + MechanismBlock.class.getName() + "[] run) {\n");
        for (int b = 0; b < classes.size(); b++) {
            src.append("        b" + b + " = (" + classes.get(b).getName() + ") run[" + b + "];\n");
        }
        src.append("    }\n");
        for (String phase : List.of("currents", "advance")) {
            src.append("\n    @Override public void " + phase + "(" + cellState + " s) {\n");
            for (int b = 0; b < classes.size(); b++) {
                src.append("        b" + b + "." + phase + "(s);\n");
            }
            src.append("    }\n");
        }
        src.append("}\n");
        // each generated class has a loader of its own: the kernel's sees them by name
        Map<String, Class<?>> byName = new HashMap<>();
        classes.forEach(c -> byName.put(c.getName(), c));
        ClassLoader parent = new ClassLoader(OneInstanceKernel.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                Class<?> c = byName.get(name);
                return c != null ? c : super.loadClass(name, resolve);
            }
        };
        try {
            return InProcessCompiler.compile(KERNEL_CLASS, src.toString(), parent)
                    .getConstructor(MechanismBlock[].class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("internal error: " + KERNEL_CLASS + " has no constructor", e);
        }
    }
}
