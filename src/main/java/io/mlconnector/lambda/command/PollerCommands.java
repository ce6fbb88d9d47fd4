package io.mlconnector.lambda.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mlconnector.lambda.command.PollerCommand.PeriodChoice;
import io.mlconnector.lambda.command.PollerCommand.RelativePeriod;
import io.mlconnector.sync.DocumentKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The poller's payload → one {@link PollerCommand}, in this one place. The handler's input stays an untyped map (the
 * Lambda runtime's own deserialisation is not asked to honour a polymorphic interface); it is read here as Jackson's
 * tree with the application's mapper, each field checked, so a wrong payload is answered with what was wrong and what
 * is expected instead of a stack trace.
 */
@ApplicationScoped
public class PollerCommands {
    /** Every command, as the answer to a payload that is none of them lists them. */
    public static final String EXPECTED = "{\"source\": \"ml-connector.schedule\"} (poll),"
            + " {\"backfill\": {\"from\", \"to\", \"window_days\", \"types\"}},"
            + " {\"gl_summary\": {\"period\", \"unless_posted\"}}, {\"preflight\": true}, {\"ping\": true},"
            + " {\"dry_run\": {\"event_id\"} | {\"period\", \"limit\"}}, {\"reconcile\": {\"period\"}},"
            + " {\"held\": {\"list\" | \"retry\" | \"retry_all\" | \"skip\": {...}}}";

    private static final List<String> COMMANDS = List.of("backfill", "gl_summary", "preflight", "ping", "dry_run",
            "reconcile", "held");

    private final ObjectMapper json;

    public PollerCommands(ObjectMapper json) {
        this.json = json;
    }

    /** A payload that is not a command the poller knows, or a command with a wrong field; the message says which. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** @throws Invalid saying what was wrong */
    public PollerCommand decode(Object payload) {
        JsonNode node = payload == null ? json.createObjectNode() : json.valueToTree(payload);
        if (!node.isObject()) {
            throw new Invalid("the payload is " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", not a JSON object; expected one of: " + EXPECTED);
        }
        List<String> named = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (COMMANDS.contains(name)) {
                named.add(name);
            }
        });
        if (named.size() > 1) {
            throw new Invalid("the payload names " + named.size() + " commands " + named + "; send one at a time,"
                    + " one of: " + EXPECTED);
        }
        if (named.isEmpty()) {
            if (node.isEmpty() || node.has("source")) {
                return new PollerCommand.Poll(); // the schedule, or an EventBridge event
            }
            throw new Invalid("unknown command " + fieldNames(node) + "; expected one of: " + EXPECTED);
        }
        String command = named.get(0);
        JsonNode body = node.get(command);
        return switch (command) {
            case "backfill" -> backfill(object(body, "backfill", "{\"from\", \"to\", \"window_days\", \"types\"}"));
            case "gl_summary" -> glSummary(object(body, "gl_summary", "{\"period\", \"unless_posted\"}"));
            case "preflight" -> {
                requireTrue(body, "preflight");
                yield new PollerCommand.Preflight();
            }
            case "ping" -> {
                requireTrue(body, "ping");
                yield new PollerCommand.Ping();
            }
            case "dry_run" -> dryRun(object(body, "dry_run", "{\"event_id\"} or {\"period\", \"limit\"}"));
            case "reconcile" -> new PollerCommand.Reconcile(period(
                    only(object(body, "reconcile", "{\"period\"}"), "reconcile", "period"), "reconcile",
                    true));
            default -> held(object(body, "held", "{\"list\" | \"retry\" | \"retry_all\" | \"skip\": {...}}"));
        };
    }

    private static PollerCommand backfill(JsonNode body) {
        only(body, "backfill", "from", "to", "window_days", "types");
        String shape = "backfill needs ISO-8601 'from' and 'to' (from before to), e.g. 2024-01-01T00:00:00Z,"
                + " and 'types' among customer, invoice, credit_note, transaction";
        Instant from;
        Instant to;
        try {
            from = Instant.parse(text(body, "from", "backfill"));
            to = Instant.parse(text(body, "to", "backfill"));
        } catch (DateTimeParseException | Invalid e) {
            throw new Invalid(shape + ": " + e.getMessage());
        }
        if (!from.isBefore(to)) {
            throw new Invalid(shape + ": 'from' " + from + " is not before 'to' " + to);
        }
        JsonNode days = body.path("window_days");
        if (!days.isMissingNode() && !days.isNull() && (!days.canConvertToInt() || !days.isIntegralNumber()
                || days.asInt() < 1)) {
            throw new Invalid(shape + ": 'window_days' must be a whole number of days, at least 1, not " + days);
        }
        Duration window = Duration.ofDays(days.isIntegralNumber() ? days.asLong() : 31);
        return new PollerCommand.Backfill(from, to, window, kinds(body.get("types"), shape));
    }

    /** "types": a list of resource types (singular or plural); none means every type. */
    private static Set<DocumentKind> kinds(JsonNode types, String shape) {
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        if (types == null || types.isNull()) {
            return kinds;
        }
        if (!types.isArray()) {
            throw new Invalid(shape + ": 'types' must be a list");
        }
        for (JsonNode type : types) {
            kinds.add(kind(type.asText(), shape));
        }
        return kinds;
    }

    private static DocumentKind kind(String type, String shape) {
        String name = type.trim().toLowerCase(Locale.ROOT);
        return DocumentKind.ofResourceType(name)
                .or(() -> DocumentKind.ofResourceType(name.endsWith("s") ? name.substring(0, name.length() - 1)
                        : name))
                .orElseThrow(() -> new Invalid(shape + ": unknown type '" + type + "'"));
    }

    private static PollerCommand glSummary(JsonNode body) {
        only(body, "gl_summary", "period", "unless_posted");
        JsonNode unlessPosted = body.path("unless_posted");
        if (!unlessPosted.isMissingNode() && !unlessPosted.isBoolean()) {
            throw new Invalid("gl_summary: 'unless_posted' must be true or false, not " + unlessPosted);
        }
        return new PollerCommand.GlSummary(period(body, "gl_summary", false), unlessPosted.asBoolean(false));
    }

    private static PollerCommand dryRun(JsonNode body) {
        String shape = "dry_run needs {\"event_id\": \"ev_...\"} or {\"period\": \"2026-05\", \"limit\": 50}";
        if (body.has("event_id")) {
            only(body, "dry_run", "event_id");
            return new PollerCommand.DryRunEvent(text(body, "event_id", "dry_run"));
        }
        if (!body.has("period")) {
            throw new Invalid(shape + "; it has " + fieldNames(body));
        }
        only(body, "dry_run", "period", "limit");
        JsonNode limit = body.path("limit");
        int max = PollerCommand.DryRunPeriod.LIMIT_MAX;
        if (!limit.isMissingNode() && (!limit.isIntegralNumber() || limit.asInt() < 1 || limit.asInt() > max)) {
            throw new Invalid(shape + ": 'limit' must be a whole number from 1 to " + max + ", not " + limit);
        }
        return new PollerCommand.DryRunPeriod(period(body, "dry_run", false),
                limit.asInt(PollerCommand.DryRunPeriod.LIMIT_DEFAULT));
    }

    private static PollerCommand held(JsonNode body) {
        String shape = "held needs one of {\"list\": {\"reason\", \"type\", \"limit\"}},"
                + " {\"retry\": {\"type\", \"id\"}}, {\"retry_all\": {\"reason\"}},"
                + " {\"skip\": {\"type\", \"id\", \"reason\", \"by\"}}";
        if (body.size() != 1) {
            throw new Invalid(shape + "; it has " + fieldNames(body));
        }
        String action = body.fieldNames().next();
        JsonNode args = body.get(action);
        switch (action) {
            case "list" -> {
                JsonNode list = args == null || args.isNull() ? JsonNodeFactory.instance.objectNode()
                        : object(args, "held.list", shape);
                only(list, "held.list", "reason", "type", "limit");
                JsonNode limit = list.path("limit");
                int max = PollerCommand.HeldList.LIMIT_MAX;
                if (!limit.isMissingNode() && (!limit.isIntegralNumber() || limit.asInt() < 1 || limit.asInt() > max)) {
                    throw new Invalid("held.list: 'limit' must be a whole number from 1 to " + max + ", not " + limit);
                }
                return new PollerCommand.HeldList(optionalText(list, "reason", "held.list"),
                        optionalText(list, "type", "held.list").map(type -> kind(type, "held.list")),
                        limit.asInt(PollerCommand.HeldList.LIMIT_DEFAULT));
            }
            case "retry" -> {
                JsonNode retry = only(object(args, "held.retry", shape), "held.retry", "type", "id");
                return new PollerCommand.HeldRetry(kind(text(retry, "type", "held.retry"), "held.retry"),
                        text(retry, "id", "held.retry"));
            }
            case "retry_all" -> {
                JsonNode retryAll = only(object(args, "held.retry_all", shape), "held.retry_all", "reason");
                return new PollerCommand.HeldRetryAll(text(retryAll, "reason", "held.retry_all"));
            }
            case "skip" -> {
                JsonNode skip = only(object(args, "held.skip", shape), "held.skip", "type", "id", "reason", "by");
                return new PollerCommand.HeldSkip(kind(text(skip, "type", "held.skip"), "held.skip"),
                        text(skip, "id", "held.skip"), text(skip, "reason", "held.skip"),
                        text(skip, "by", "held.skip"));
            }
            default -> throw new Invalid(shape + "; '" + action + "' is none of them");
        }
    }

    /**
     * "2026-05"; "previous" (the month before this one in the site's time zone); "current" where the command takes
     * it.
     */
    private static PeriodChoice period(JsonNode body, String command, boolean current) {
        String allowed = "a period like 2026-05" + (current ? ", \"current\" or \"previous\"" : " or \"previous\"");
        JsonNode period = body.get("period");
        if (period == null || !period.isTextual()) {
            throw new Invalid(command + " needs 'period': " + allowed);
        }
        String text = period.asText().trim();
        if (text.equals("previous")) {
            return RelativePeriod.PREVIOUS;
        }
        if (current && text.equals("current")) {
            return RelativePeriod.CURRENT;
        }
        try {
            return PeriodChoice.month(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            throw new Invalid(command + " needs 'period': " + allowed + ", not \"" + text + "\"");
        }
    }

    private static JsonNode object(JsonNode body, String command, String shape) {
        if (body == null || !body.isObject()) {
            throw new Invalid(command + " needs an object " + shape + ", not " + (body == null ? "nothing" : body));
        }
        return body;
    }

    private static void requireTrue(JsonNode body, String command) {
        if (body == null || !body.isBoolean() || !body.asBoolean()) {
            throw new Invalid("{\"" + command + "\": true} is the whole command, not " + body);
        }
    }

    /** The body, when it has no field but these (a misspelt optional field would otherwise be ignored silently). */
    private static JsonNode only(JsonNode body, String command, String... allowed) {
        List<String> fields = List.of(allowed);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new Invalid(command + " has no field '" + name + "'; its fields are " + fields);
            }
        }
        return body;
    }

    private static String text(JsonNode body, String field, String command) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new Invalid(command + " needs '" + field + "' as a non-empty string");
        }
        return value.asText().trim();
    }

    private static Optional<String> optionalText(JsonNode body, String field, String command) {
        return body.has(field) && !body.get(field).isNull() ? Optional.of(text(body, field, command))
                : Optional.empty();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
