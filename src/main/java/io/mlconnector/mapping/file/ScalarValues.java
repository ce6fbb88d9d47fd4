package io.mlconnector.mapping.file;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns YAML values into ids, numbers and flags, with the rules the finance team needs spelt out in the messages.
 *
 * <p>Account codes are text, but YAML reads an unquoted {@code 40000} as a number. Because we keep the original text,
 * a plain decimal like {@code 40000} is accepted exactly as written, with a warning to quote it. Number forms that
 * YAML tools read differently ({@code 01000} is octal 512 in YAML 1.1 tools, {@code 1_000}, {@code +5}, {@code 0x1F},
 * {@code 4.0e4}, {@code 40000.10}) are errors: the file would mean different things to different tools.
 */
final class ScalarValues {
    /** Acumatica keys (AccountCD, InventoryCD, TaxID, …) are at most 30 characters. */
    static final int MAX_ID_LENGTH = 30;
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("0|[1-9][0-9]*");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]{1,9}");

    private final Problems problems;

    ScalarValues(Problems problems) {
        this.problems = problems;
    }

    Optional<SourcedCode> code(YamlNode node, String path, Reference.Kind kind) {
        if (!(node instanceof YamlNode.Scalar scalar)) {
            problems.error(node.position(), path, "must be " + kind.example() + ", not " + node.describe());
            return Optional.empty();
        }
        String text = scalar.text();
        switch (scalar.type()) {
            case INVALID:
                return Optional.empty();
            case NULL:
                problems.error(node.position(), path, "has no value; write " + kind.example()
                        + ", or delete the key");
                return Optional.empty();
            case TRUE, FALSE:
                problems.error(node.position(), path, "YAML reads '" + text + "' as the boolean "
                        + (scalar.type() == YamlNode.ScalarType.TRUE) + "; quote it (\"" + text + "\") if it is"
                        + " really the id, or write " + kind.example());
                return Optional.empty();
            case INTEGER, FLOAT:
                if (scalar.type() == YamlNode.ScalarType.INTEGER && PLAIN_DECIMAL.matcher(text).matches()) {
                    problems.warn(node.position(), path, "unquoted number " + text + " is read as the text \""
                            + text + "\"; quote it (\"" + text + "\") so every YAML tool keeps it as text");
                    break;
                }
                problems.error(node.position(), path, "YAML reads " + text + " as a number, and YAML tools"
                        + " disagree on numbers written like this; quote the code exactly as Acumatica shows it,"
                        + " e.g. \"" + text + "\"");
                return Optional.empty();
            default:
                break;
        }
        if (text.isBlank()) {
            problems.error(node.position(), path, "is empty; write " + kind.example() + ", or delete the key");
            return Optional.empty();
        }
        if (!text.equals(text.strip())) {
            problems.error(node.position(), path, "\"" + text + "\" has leading or trailing spaces, which no"
                    + " Acumatica id has; remove them");
            return Optional.empty();
        }
        if (text.length() > MAX_ID_LENGTH) {
            problems.error(node.position(), path, "is " + text.length() + " characters long; Acumatica ids are at"
                    + " most " + MAX_ID_LENGTH);
            return Optional.empty();
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            problems.error(node.position(), path, "contains a control character (tab, line break ...); write the id"
                    + " on one line without them");
            return Optional.empty();
        }
        return Optional.of(new SourcedCode(kind, text, path, node.position()));
    }

    Optional<Integer> wholeNumber(YamlNode node, String path, int min, int max) {
        if (node instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.ScalarType.INVALID) {
            return Optional.empty();
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.ScalarType.INTEGER
                && WHOLE_NUMBER.matcher(scalar.text()).matches()) {
            int value = Integer.parseInt(scalar.text());
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        }
        problems.error(node.position(), path, "must be a whole number from " + min + " to " + max + ", not "
                + node.describe());
        return Optional.empty();
    }

    Optional<Boolean> flag(YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar scalar) {
            switch (scalar.type()) {
                case TRUE:
                    return Optional.of(true);
                case FALSE:
                    return Optional.of(false);
                case INVALID:
                    return Optional.empty();
                default:
                    break;
            }
        }
        problems.error(node.position(), path, "must be true or false, not " + node.describe());
        return Optional.empty();
    }

    /** One of a fixed set of words, e.g. {@code credit_memo | void}. */
    <E extends Enum<E> & YamlWord> Optional<E> word(YamlNode node, String path, Class<E> type) {
        E[] choices = type.getEnumConstants();
        java.util.List<String> words = java.util.Arrays.stream(choices).map(YamlWord::yamlWord).toList();
        if (node instanceof YamlNode.Scalar scalar) {
            if (scalar.type() == YamlNode.ScalarType.INVALID) {
                return Optional.empty();
            }
            for (E choice : choices) {
                if (choice.yamlWord().equals(scalar.text()) && scalar.type() == YamlNode.ScalarType.STRING) {
                    return Optional.of(choice);
                }
            }
            if (scalar.type() == YamlNode.ScalarType.STRING) {
                problems.error(node.position(), path, "'" + scalar.text() + "' is not one of "
                        + String.join(", ", words) + "." + Suggestions.didYouMean(scalar.text(), words));
                return Optional.empty();
            }
        }
        problems.error(node.position(), path, "must be one of " + String.join(", ", words) + ", not "
                + node.describe());
        return Optional.empty();
    }
}
