package org.spineformer.experiments.sweep;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The grid of a sweep: every combination of the values given with {@code --param name=v1,v2,...}, applied to the
 * experiment's default config. Names are the config record's components; values are parsed by the component's type
 * (numbers, booleans, text, enum constants) and checked by the record's constructor, all before anything runs.
 */
public final class ParameterGrid {
    private ParameterGrid() {
    }

    /**
     * The grid points, the first parameter varying slowest.
     *
     * @param specs the {@code --param} values, {@code name=v1,v2,...} each
     * @throws IllegalArgumentException naming the parameter and value, for an unknown or repeated name, a value
     *     that does not parse, or a combination the config rejects
     */
    public static <C extends Record> List<GridPoint<C>> points(SweepableExperiment<C, ?, ?> experiment,
                                                               List<String> specs) {
        Class<C> type = experiment.configType();
        RecordComponent[] components = type.getRecordComponents();
        Map<String, List<Object>> parameters = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--param '" + spec + "' is not name=value1,value2,...");
            }
            String name = spec.substring(0, eq).strip();
            RecordComponent component = Arrays.stream(components).filter(c -> c.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--param " + spec + ": " + experiment.name()
                            + " has no parameter '" + name + "'; its parameters are the components of its config "
                            + "record: " + names(components)));
            if (parameters.containsKey(name)) {
                throw new IllegalArgumentException("--param " + name + " is given twice; list all its values in one "
                        + "--param " + name + "=v1,v2,...");
            }
            List<Object> values = new ArrayList<>();
            for (String text : spec.substring(eq + 1).split(",", -1)) {
                Object value = parse(component, text.strip());
                if (values.contains(value)) {
                    throw new IllegalArgumentException("--param " + name + ": value " + text.strip()
                            + " is listed twice");
                }
                values.add(value);
            }
            parameters.put(name, values);
        }
        List<GridPoint<C>> points = new ArrayList<>();
        combine(experiment, components, new ArrayList<>(parameters.keySet()), parameters, new LinkedHashMap<>(),
                points);
        return points;
    }

    private static <C extends Record> void combine(SweepableExperiment<C, ?, ?> experiment,
                                                   RecordComponent[] components, List<String> names,
                                                   Map<String, List<Object>> parameters, Map<String, Object> chosen,
                                                   List<GridPoint<C>> points) {
        if (chosen.size() == names.size()) {
            Map<String, Object> values = new LinkedHashMap<>(chosen);
            String name = values.entrySet().stream().map(e -> e.getKey() + "=" + format(e.getValue()))
                    .collect(Collectors.joining("/"));
            points.add(new GridPoint<>(name, values, config(experiment, components, values)));
            return;
        }
        String next = names.get(chosen.size());
        for (Object value : parameters.get(next)) {
            chosen.put(next, value);
            combine(experiment, components, names, parameters, chosen, points);
            chosen.remove(next);
        }
    }

    /** The default config with {@code values} set, completed by the experiment. */
    private static <C extends Record> C config(SweepableExperiment<C, ?, ?> experiment, RecordComponent[] components,
                                               Map<String, Object> values) {
        C defaults = experiment.defaults();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String name = components[i].getName();
            args[i] = values.containsKey(name) ? values.get(name) : read(components[i], defaults);
        }
        String where = values.isEmpty() ? "the defaults" : "--param " + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + format(e.getValue())).collect(Collectors.joining(", "));
        try {
            Constructor<C> constructor = experiment.configType().getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return experiment.complete(constructor.newInstance(args), new LinkedHashSet<>(values.keySet()));
        } catch (InvocationTargetException e) {
            throw rejected(where, e.getCause());
        } catch (IllegalArgumentException e) {
            throw rejected(where, e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + experiment.configType().getName() + ": " + e, e);
        }
    }

    private static RuntimeException rejected(String where, Throwable cause) {
        if (cause instanceof IllegalArgumentException) {
            return new IllegalArgumentException(where + ": " + cause.getMessage(), cause);
        }
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
        }
    }

    /** A value of the component's type, or an error naming both. */
    static Object parse(RecordComponent component, String text) {
        Class<?> type = component.getType();
        String name = component.getName();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("--param " + name + ": empty value");
        }
        try {
            if (type == double.class || type == Double.class) {
                double v = Double.parseDouble(text);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            }
            if (type == int.class || type == Integer.class) {
                return Integer.parseInt(text);
            }
            if (type == long.class || type == Long.class) {
                return Long.parseLong(text);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--param " + name + ": '" + text + "' is not "
                    + (type == double.class || type == Double.class ? "a finite number" : "an integer ("
                    + type.getSimpleName() + ")"));
        }
        if (type == boolean.class || type == Boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("--param " + name + ": '" + text + "' is not true or false");
            }
            return Boolean.parseBoolean(text);
        }
        if (type == String.class) {
            if (text.contains("/") || text.startsWith(".")) {
                throw new IllegalArgumentException("--param " + name + ": '" + text + "' cannot name a directory");
            }
            return text;
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(text)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("--param " + name + ": '" + text + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
        throw new IllegalArgumentException("--param " + name + ": a " + component.getGenericType().getTypeName()
                + " cannot be swept (only numbers, booleans, text and enum constants)");
    }

    /** A value as its point's directory names it: 1.0 as "1", 0.5 as "0.5". */
    static String format(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    private static String names(RecordComponent[] components) {
        return Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.joining(", "));
    }
}
