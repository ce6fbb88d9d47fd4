package io.mlconnector.sandbox.chargebee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * One {@code attr[op]=value} filter, already validated.
 *
 * <p>A record that lacks the attribute (or holds null) matches nothing except {@code is_present=false}. That is the
 * behaviour that bites real integrations: {@code updated_at[after]} silently skips records that never got an
 * {@code updated_at} (PostHog/posthog#76090), so the sandbox reproduces it.
 *
 * @param attribute top-level attribute name
 * @param operator  the operator
 * @param operands  one operand, or the elements of a bracketed list for {@code in}, {@code not_in}, {@code between}
 */
record FilterCondition(String attribute, FilterOperator operator, List<String> operands) {

    private static final long SECONDS_PER_DAY = 86_400L;

    FilterCondition {
        operands = List.copyOf(operands);
    }

    boolean matches(ObjectNode record) {
        JsonNode value = JsonValues.attribute(record, attribute);
        if (operator == FilterOperator.IS_PRESENT) {
            boolean wantPresent = Boolean.parseBoolean(operands.get(0));
            return (value != null) == wantPresent;
        }
        if (value == null || !value.isValueNode()) {
            return false;
        }
        return switch (operator) {
            case IS -> equalsOperand(value, operands.get(0));
            case IS_NOT -> !equalsOperand(value, operands.get(0));
            case STARTS_WITH -> value.isTextual() && value.asText().startsWith(operands.get(0));
            case IN -> operands.stream().anyMatch(o -> equalsOperand(value, o));
            case NOT_IN -> operands.stream().noneMatch(o -> equalsOperand(value, o));
            case LT, BEFORE -> compare(value, operands.get(0), c -> c < 0);
            case LTE -> compare(value, operands.get(0), c -> c <= 0);
            case GT, AFTER -> compare(value, operands.get(0), c -> c > 0);
            case GTE -> compare(value, operands.get(0), c -> c >= 0);
            // UNVERIFIED whether Chargebee's between is inclusive at both ends; inclusive is the reading of "[x,y]".
            case BETWEEN -> compare(value, operands.get(0), c -> c >= 0) && compare(value, operands.get(1), c -> c <= 0);
            case ON -> sameUtcDay(value, operands.get(0));
            case IS_PRESENT -> throw new IllegalStateException("handled above");
        };
    }

    private static boolean equalsOperand(JsonNode value, String operand) {
        Integer comparison = JsonValues.compareToOperand(value, operand);
        return comparison != null && comparison == 0;
    }

    private static boolean compare(JsonNode value, String operand, IntPredicate test) {
        Integer comparison = JsonValues.compareToOperand(value, operand);
        return comparison != null && test.test(comparison);
    }

    /** {@code on} takes a timestamp and matches the whole UTC calendar day it falls in (UNVERIFIED: the time zone). */
    private static boolean sameUtcDay(JsonNode value, String operand) {
        BigDecimal target = JsonValues.parseNumber(operand);
        if (!value.isNumber() || target == null) {
            return false;
        }
        return Math.floorDiv(value.longValue(), SECONDS_PER_DAY) == Math.floorDiv(target.longValue(), SECONDS_PER_DAY);
    }
}
