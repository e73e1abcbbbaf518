package org.spineformer.nmodl.ast;

/**
 * One variable of a PARAMETER, ASSIGNED, STATE, CONSTANT or INDEPENDENT block.
 *
 * @param size   array size, 0 for a scalar
 * @param value  the value written after '=' (PARAMETER, CONSTANT), null when none
 * @param unit   "" when none
 * @param low    the lower limit of {@code <lo, hi>} or FROM, null when none
 * @param high   the upper limit, null when none
 * @param start  a STATE's START value, null when none (a state's {@code <tolerance>} is not kept)
 */
public record Decl(Pos pos, String name, int size, String value, String unit, String low, String high,
                   String start) {
}
