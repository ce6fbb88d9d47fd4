package io.mlconnector.sandbox.chargebee;

import java.util.Arrays;
import java.util.Optional;

/** Chargebee list-filter operators, as spelled in {@code attr[op]=value}. */
enum FilterOperator {
    IS("is"),
    IS_NOT("is_not"),
    STARTS_WITH("starts_with"),
    IN("in"),
    NOT_IN("not_in"),
    IS_PRESENT("is_present"),
    LT("lt"),
    LTE("lte"),
    GT("gt"),
    GTE("gte"),
    BETWEEN("between"),
    AFTER("after"),
    BEFORE("before"),
    ON("on");

    private final String wireName;

    FilterOperator(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    /** Operators whose operand is a bracketed list: {@code [a,b]} or the JSON form {@code ["a","b"]}. */
    boolean takesList() {
        return this == IN || this == NOT_IN || this == BETWEEN;
    }

    /** Operators that only make sense with a number or a timestamp (epoch seconds) operand. */
    boolean takesNumbers() {
        return switch (this) {
            case LT, LTE, GT, GTE, BETWEEN, AFTER, BEFORE, ON -> true;
            default -> false;
        };
    }

    static Optional<FilterOperator> byWireName(String name) {
        return Arrays.stream(values()).filter(op -> op.wireName.equals(name)).findFirst();
    }
}
