package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The subset of OData v3 {@code $filter} that the contract-based API documents and clients use: comparisons
 * ({@code eq ne gt ge lt le}), {@code and or not}, parentheses, linked-entity paths ({@code MainContact/Email}),
 * {@code substringof startswith endswith tolower toupper trim}, and literals {@code 'text'}, numbers (optional
 * {@code M}/{@code m}/{@code d} suffix), {@code true false null}, {@code datetimeoffset'...'}, {@code datetime'...'},
 * {@code guid'...'}.
 *
 * <p>String comparisons ignore case, as Acumatica's SQL collation does. Syntax errors answer 400; functions outside
 * this list answer 501 (not simulated).
 */
final class ODataFilter {

    /** A parsed filter: evaluates against a stored record and lists the field paths it reads. */
    interface Expression {
        Object evaluate(JsonNode record);

        default boolean matches(JsonNode record) {
            return Boolean.TRUE.equals(evaluate(record));
        }

        List<String> fieldPaths();
    }

    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "ge", "lt", "le");

    private final List<Token> tokens;
    private final String source;
    private int position;

    private ODataFilter(String source) {
        this.source = source;
        this.tokens = tokenize(source);
    }

    static Expression parse(String source) {
        ODataFilter parser = new ODataFilter(source);
        Expression expression = parser.parseOr();
        if (parser.position < parser.tokens.size()) {
            throw parser.syntaxError("unexpected '" + parser.tokens.get(parser.position).text + "'");
        }
        return expression;
    }

    // ---------------------------------------------------------------- grammar

    private Expression parseOr() {
        Expression left = parseAnd();
        while (acceptKeyword("or")) {
            left = logical(left, parseAnd(), false);
        }
        return left;
    }

    private Expression parseAnd() {
        Expression left = parseUnary();
        while (acceptKeyword("and")) {
            left = logical(left, parseUnary(), true);
        }
        return left;
    }

    private Expression parseUnary() {
        if (acceptKeyword("not")) {
            Expression inner = parseUnary();
            return expression(record -> !Boolean.TRUE.equals(inner.evaluate(record)), inner.fieldPaths());
        }
        Expression left = parseOperand();
        if (position < tokens.size() && tokens.get(position).kind == Kind.WORD
                && COMPARISONS.contains(tokens.get(position).text.toLowerCase(Locale.ROOT))) {
            String op = tokens.get(position++).text.toLowerCase(Locale.ROOT);
            Expression right = parseOperand();
            List<String> paths = new ArrayList<>(left.fieldPaths());
            paths.addAll(right.fieldPaths());
            return expression(record -> compare(op, left.evaluate(record), right.evaluate(record)), paths);
        }
        return left;
    }

    private Expression parseOperand() {
        Token token = next();
        switch (token.kind) {
            case OPEN -> {
                Expression inner = parseOr();
                expect(Kind.CLOSE, ")");
                return inner;
            }
            case STRING -> {
                return literal(token.text);
            }
            case NUMBER -> {
                return literal(new BigDecimal(token.text));
            }
            case TYPED -> {
                return typedLiteral(token);
            }
            case WORD -> {
                String word = token.text;
                String lower = word.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    return literal(Boolean.parseBoolean(lower));
                }
                if (lower.equals("null")) {
                    return literal(null);
                }
                if (position < tokens.size() && tokens.get(position).kind == Kind.OPEN) {
                    position++;
                    return function(lower, parseArguments());
                }
                return field(word);
            }
            default -> throw syntaxError("unexpected '" + token.text + "'");
        }
    }

    private List<Expression> parseArguments() {
        List<Expression> args = new ArrayList<>();
        if (position < tokens.size() && tokens.get(position).kind == Kind.CLOSE) {
            position++;
            return args;
        }
        args.add(parseOr());
        while (position < tokens.size() && tokens.get(position).kind == Kind.COMMA) {
            position++;
            args.add(parseOr());
        }
        expect(Kind.CLOSE, ")");
        return args;
    }

    // ---------------------------------------------------------------- nodes

    private static Expression expression(java.util.function.Function<JsonNode, Object> evaluator,
                                         List<String> paths) {
        List<String> fieldPaths = List.copyOf(paths);
        return new Expression() {
            @Override
            public Object evaluate(JsonNode record) {
                return evaluator.apply(record);
            }

            @Override
            public List<String> fieldPaths() {
                return fieldPaths;
            }
        };
    }

    private static Expression literal(Object value) {
        return expression(record -> value, List.of());
    }

    private static Expression logical(Expression left, Expression right, boolean and) {
        List<String> paths = new ArrayList<>(left.fieldPaths());
        paths.addAll(right.fieldPaths());
        return expression(record -> and
                ? Boolean.TRUE.equals(left.evaluate(record)) && Boolean.TRUE.equals(right.evaluate(record))
                : Boolean.TRUE.equals(left.evaluate(record)) || Boolean.TRUE.equals(right.evaluate(record)), paths);
    }

    private static Expression field(String path) {
        String[] parts = path.split("/");
        return expression(record -> {
            JsonNode node = record;
            for (int i = 0; i < parts.length - 1 && node != null; i++) {
                node = node.get(parts[i]);
            }
            return ValueObjects.value(node, parts[parts.length - 1]).map(ODataFilter::toJava).orElse(null);
        }, List.of(path));
    }

    private Expression typedLiteral(Token token) {
        String prefix = token.prefix.toLowerCase(Locale.ROOT);
        switch (prefix) {
            case "datetimeoffset", "datetime" -> {
                OffsetDateTime at = ValueObjects.parseDateTime(token.text)
                        .orElseThrow(() -> syntaxError("invalid " + prefix + " literal '" + token.text + "'"));
                return literal(at);
            }
            case "guid" -> {
                return literal(token.text);
            }
            default -> throw syntaxError("unknown literal type '" + token.prefix + "'");
        }
    }

    private Expression function(String name, List<Expression> args) {
        List<String> paths = new ArrayList<>();
        args.forEach(a -> paths.addAll(a.fieldPaths()));
        java.util.function.Function<JsonNode, List<String>> texts = record -> args.stream()
                .map(a -> a.evaluate(record))
                .map(v -> v == null ? null : v.toString().toLowerCase(Locale.ROOT))
                .toList();
        return switch (name) {
            case "substringof" -> twoArgs(name, args, paths, record -> {
                List<String> t = texts.apply(record);
                return t.get(0) != null && t.get(1) != null && t.get(1).contains(t.get(0));
            });
            case "startswith" -> twoArgs(name, args, paths, record -> {
                List<String> t = texts.apply(record);
                return t.get(0) != null && t.get(1) != null && t.get(0).startsWith(t.get(1));
            });
            case "endswith" -> twoArgs(name, args, paths, record -> {
                List<String> t = texts.apply(record);
                return t.get(0) != null && t.get(1) != null && t.get(0).endsWith(t.get(1));
            });
            case "tolower", "toupper", "trim" -> {
                if (args.size() != 1) {
                    throw syntaxError(name + " takes one argument");
                }
                yield expression(record -> {
                    Object v = args.get(0).evaluate(record);
                    if (v == null) {
                        return null;
                    }
                    String s = v.toString();
                    return name.equals("trim") ? s.trim()
                            : name.equals("tolower") ? s.toLowerCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT);
                }, paths);
            }
            default -> throw new ApiFailure(HttpErrors.notSimulated("the $filter function '" + name + "'"));
        };
    }

    private Expression twoArgs(String name, List<Expression> args, List<String> paths,
                               java.util.function.Function<JsonNode, Object> evaluator) {
        if (args.size() != 2) {
            throw syntaxError(name + " takes two arguments");
        }
        return expression(evaluator, paths);
    }

    // ---------------------------------------------------------------- evaluation

    private static Object toJava(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.asText();
    }

    private static boolean compare(String op, Object left, Object right) {
        if (left == null || right == null) {
            boolean bothNull = left == null && right == null;
            return switch (op) {
                case "eq" -> bothNull;
                case "ne" -> !bothNull;
                default -> false;
            };
        }
        Integer order = order(left, right);
        if (order == null) {
            return op.equals("ne");
        }
        return switch (op) {
            case "eq" -> order == 0;
            case "ne" -> order != 0;
            case "gt" -> order > 0;
            case "ge" -> order >= 0;
            case "lt" -> order < 0;
            default -> order <= 0;
        };
    }

    /** Orders two values of possibly different Java types the way SQL would after conversion; null if incomparable. */
    private static Integer order(Object left, Object right) {
        if (left instanceof OffsetDateTime || right instanceof OffsetDateTime) {
            OffsetDateTime l = asDateTime(left);
            OffsetDateTime r = asDateTime(right);
            return l == null || r == null ? null : l.toInstant().compareTo(r.toInstant());
        }
        if (left instanceof BigDecimal || right instanceof BigDecimal) {
            BigDecimal l = asDecimal(left);
            BigDecimal r = asDecimal(right);
            return l == null || r == null ? null : l.compareTo(r);
        }
        if (left instanceof Boolean || right instanceof Boolean) {
            return Objects.equals(String.valueOf(left).toLowerCase(Locale.ROOT),
                    String.valueOf(right).toLowerCase(Locale.ROOT)) ? 0 : null;
        }
        return String.CASE_INSENSITIVE_ORDER.compare(left.toString(), right.toString());
    }

    private static OffsetDateTime asDateTime(Object value) {
        return value instanceof OffsetDateTime at ? at : ValueObjects.parseDateTime(value.toString()).orElse(null);
    }

    private static BigDecimal asDecimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- tokens

    private enum Kind { OPEN, CLOSE, COMMA, STRING, NUMBER, TYPED, WORD }

    private record Token(Kind kind, String text, String prefix) {
    }

    private Token next() {
        if (position >= tokens.size()) {
            throw syntaxError("the expression ends too early");
        }
        return tokens.get(position++);
    }

    private void expect(Kind kind, String text) {
        if (position >= tokens.size() || tokens.get(position).kind != kind) {
            throw syntaxError("'" + text + "' expected");
        }
        position++;
    }

    private boolean acceptKeyword(String keyword) {
        if (position < tokens.size() && tokens.get(position).kind == Kind.WORD
                && tokens.get(position).text.equalsIgnoreCase(keyword)) {
            position++;
            return true;
        }
        return false;
    }

    private ApiFailure syntaxError(String detail) {
        return new ApiFailure(HttpErrors.badRequest("The $filter expression '" + source + "' is invalid: " + detail
                + "."));
    }

    private List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.OPEN, "(", ""));
                i++;
            } else if (c == ')') {
                out.add(new Token(Kind.CLOSE, ")", ""));
                i++;
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", ""));
                i++;
            } else if (c == '\'') {
                int[] end = new int[1];
                out.add(new Token(Kind.STRING, quoted(text, i, end), ""));
                i = end[0];
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i + 1)))) {
                int start = i++;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                String number = text.substring(start, i);
                if (i < text.length() && "MmDdFfLl".indexOf(text.charAt(i)) >= 0) {
                    i++; // OData type suffix: 0M, 10.5d, 5L
                }
                out.add(new Token(Kind.NUMBER, number, ""));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i))
                        || "_/.:".indexOf(text.charAt(i)) >= 0)) {
                    i++;
                }
                String word = text.substring(start, i);
                if (i < text.length() && text.charAt(i) == '\'') {
                    int[] end = new int[1];
                    out.add(new Token(Kind.TYPED, quoted(text, i, end), word));
                    i = end[0];
                } else {
                    out.add(new Token(Kind.WORD, word, ""));
                }
            } else {
                throw syntaxError("unexpected character '" + c + "'");
            }
        }
        return out;
    }

    /** Reads a single-quoted literal starting at {@code start}; {@code ''} is an escaped quote. */
    private String quoted(String text, int start, int[] end) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                end[0] = i + 1;
                return value.toString();
            }
            value.append(c);
            i++;
        }
        throw syntaxError("unterminated string literal");
    }
}
