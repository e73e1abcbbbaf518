package org.spineformer.engine.mech;

import java.util.List;

/** A mechanism whose name, kind, description and fields are fixed at construction; subclasses make the blocks. */
public abstract class AbstractMechanism implements Mechanism {
    private final String name;
    private final Kind kind;
    private final String description;
    private final List<FieldSpec> fields;

    protected AbstractMechanism(String name, Kind kind, String description, List<FieldSpec> fields) {
        this.name = name;
        this.kind = kind;
        this.description = description;
        this.fields = List.copyOf(fields);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Kind kind() {
        return kind;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<FieldSpec> fields() {
        return fields;
    }
}
