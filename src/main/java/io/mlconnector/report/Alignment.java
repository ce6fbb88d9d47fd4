package io.mlconnector.report;

/** How a column's cells line up: text to the left, amounts and counts to the right so their digits align. */
public enum Alignment {
    LEFT,
    RIGHT
}
