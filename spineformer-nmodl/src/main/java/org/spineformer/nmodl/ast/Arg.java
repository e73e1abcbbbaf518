package org.spineformer.nmodl.ast;

/** A FUNCTION, PROCEDURE or NET_RECEIVE argument with its unit ("" when none). */
public record Arg(Pos pos, String name, String unit) {
}
