package io.mlconnector.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-only view of a parsed SAM template (long-form JSON, see {@link CloudFormationYaml}) with the two pieces of
 * SAM/CloudFormation semantics the invariant checks need:
 * <ul>
 *   <li>Globals: a function's effective property is its own value, else the {@code Globals.Function} value, and
 *       environment variable maps are merged (function entries win), as SAM does;</li>
 *   <li>a small evaluator for literals, {@code Ref} to parameters, {@code Fn::FindInMap} and {@code Fn::Sub} over
 *       those, so rules such as "visibility timeout >= 6 x worker timeout" can be checked for every allowed
 *       parameter value.</li>
 * </ul>
 */
public final class SamTemplate {

    public static final String FUNCTION_TYPE = "AWS::Serverless::Function";

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final JsonNode root;

    public SamTemplate(JsonNode root) {
        this.root = root;
    }

    public JsonNode root() {
        return root;
    }

    /** The resource with this logical id; fails when absent so a renamed resource cannot pass silently. */
    public JsonNode resource(String logicalId) {
        JsonNode resource = root.path("Resources").path(logicalId);
        if (resource.isMissingNode()) {
            throw new AssertionError("template has no resource " + logicalId);
        }
        return resource;
    }

    /** Logical ids of all resources of a type, in template order. */
    public List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.path("Resources").properties()) {
            if (type.equals(entry.getValue().path("Type").asText())) {
                ids.add(entry.getKey());
            }
        }
        return ids;
    }

    /** A function property as SAM sees it after applying Globals; missing node when set nowhere. */
    public JsonNode effectiveFunctionProperty(String functionId, String property) {
        JsonNode own = resource(functionId).path("Properties").path(property);
        return own.isMissingNode() ? root.path("Globals").path("Function").path(property) : own;
    }

    /** Environment variables of a function after merging Globals (function values override global ones). */
    public Map<String, JsonNode> environment(String functionId) {
        Map<String, JsonNode> merged = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> global : variables(root.path("Globals").path("Function"))) {
            merged.put(global.getKey(), global.getValue());
        }
        for (Map.Entry<String, JsonNode> own : variables(resource(functionId).path("Properties"))) {
            merged.put(own.getKey(), own.getValue());
        }
        return merged;
    }

    private static Iterable<Map.Entry<String, JsonNode>> variables(JsonNode functionProperties) {
        return functionProperties.path("Environment").path("Variables").properties();
    }

    /** The single event of the given SAM event type on a function (e.g. "SQS", "ScheduleV2"). */
    public JsonNode singleEvent(String functionId, String eventType) {
        List<JsonNode> matches = new ArrayList<>();
        resource(functionId).path("Properties").path("Events").elements().forEachRemaining(event -> {
            if (eventType.equals(event.path("Type").asText())) {
                matches.add(event);
            }
        });
        if (matches.size() != 1) {
            throw new AssertionError(functionId + " should have exactly one " + eventType + " event, has " + matches.size());
        }
        return matches.get(0);
    }

    public JsonNode parameter(String name) {
        JsonNode parameter = root.path("Parameters").path(name);
        if (parameter.isMissingNode()) {
            throw new AssertionError("template has no parameter " + name);
        }
        return parameter;
    }

    /** Evaluates a value with every parameter at its default. */
    public JsonNode evaluate(JsonNode value) {
        return evaluate(value, Map.of());
    }

    /**
     * Evaluates literals, {@code Ref} to parameters (bound value, else the parameter's Default),
     * {@code Fn::FindInMap} and {@code Fn::Sub} over those; anything else (resource references, pseudo parameters,
     * other functions) is reported as not evaluable.
     */
    public JsonNode evaluate(JsonNode value, Map<String, String> parameterValues) {
        if (value == null || value.isMissingNode()) {
            throw new IllegalArgumentException("nothing to evaluate");
        }
        if (!value.isObject()) {
            return value;
        }
        Optional<String> function = singleKey((ObjectNode) value);
        if (function.isEmpty()) {
            return value;
        }
        JsonNode argument = value.get(function.get());
        return switch (function.get()) {
            case "Ref" -> evaluateRef(argument.asText(), parameterValues);
            case "Fn::FindInMap" -> evaluateFindInMap(argument, parameterValues);
            case "Fn::Sub" -> evaluateSub(argument, parameterValues);
            default -> {
                if (function.get().startsWith("Fn::")) {
                    throw new IllegalArgumentException("cannot evaluate " + function.get() + " in " + value);
                }
                yield value;
            }
        };
    }

    /** Evaluates a value to an integer (numbers and numeric strings, as CloudFormation accepts both). */
    public int evaluateInt(JsonNode value, Map<String, String> parameterValues) {
        JsonNode result = evaluate(value, parameterValues);
        if (result.isNumber()) {
            return result.intValue();
        }
        try {
            return Integer.parseInt(result.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer: " + result, e);
        }
    }

    private JsonNode evaluateRef(String name, Map<String, String> parameterValues) {
        JsonNode parameter = root.path("Parameters").path(name);
        if (parameter.isMissingNode()) {
            throw new IllegalArgumentException("Ref " + name + " is not a parameter, cannot evaluate it offline");
        }
        if (parameterValues.containsKey(name)) {
            return JsonNodeFactory.instance.textNode(parameterValues.get(name));
        }
        JsonNode defaultValue = parameter.path("Default");
        if (defaultValue.isMissingNode()) {
            throw new IllegalArgumentException("parameter " + name + " has no Default and no value was bound");
        }
        // CloudFormation hands every parameter value over as a string.
        return JsonNodeFactory.instance.textNode(defaultValue.asText());
    }

    private JsonNode evaluateFindInMap(JsonNode arguments, Map<String, String> parameterValues) {
        if (!arguments.isArray() || arguments.size() != 3) {
            throw new IllegalArgumentException("Fn::FindInMap takes [map, key, key], got " + arguments);
        }
        String map = evaluate(arguments.get(0), parameterValues).asText();
        String topKey = evaluate(arguments.get(1), parameterValues).asText();
        String secondKey = evaluate(arguments.get(2), parameterValues).asText();
        JsonNode found = root.path("Mappings").path(map).path(topKey).path(secondKey);
        if (found.isMissingNode()) {
            throw new IllegalArgumentException("Mappings." + map + "." + topKey + "." + secondKey + " does not exist");
        }
        return found;
    }

    private JsonNode evaluateSub(JsonNode argument, Map<String, String> parameterValues) {
        String text;
        JsonNode variables;
        if (argument.isTextual()) {
            text = argument.asText();
            variables = JsonNodeFactory.instance.objectNode();
        } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual()
                && argument.get(1).isObject()) {
            text = argument.get(0).asText();
            variables = argument.get(1);
        } else {
            throw new IllegalArgumentException("Fn::Sub takes a string or [string, {variables}], got " + argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}"; // ${!Literal} is an escaped, literal ${Literal}
            } else if (variables.has(name)) {
                replacement = evaluate(variables.get(name), parameterValues).asText();
            } else {
                replacement = evaluateRef(name, parameterValues).asText();
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return JsonNodeFactory.instance.textNode(result.toString());
    }

    private static Optional<String> singleKey(ObjectNode node) {
        if (node.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(node.fieldNames().next());
    }
}
