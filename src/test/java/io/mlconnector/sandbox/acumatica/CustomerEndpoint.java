package io.mlconnector.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.acumatica.AcumaticaEntity;
import io.mlconnector.acumatica.CustomerStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Customer} (Customers, AR303000): list, get by CustomerID or id, and PUT as create-or-update keyed by
 * {@code CustomerID}.
 *
 * <p>Sandbox rules (and how they relate to Acumatica):
 * <ul>
 *   <li>A PUT without {@code CustomerID} and without {@code id} is rejected with 422 on CustomerID. (A tenant whose
 *       customer numbering is automatic would create one instead; the connector always supplies the id.)</li>
 *   <li>CustomerID is upper-cased when the seed says the input mask does (Acumatica's default segmented key), and
 *       keys match ignoring case: {@code cus_a} and {@code CUS_A} are one customer. Ids longer than the segment
 *       are rejected with 422 (the exact Acumatica message is UNVERIFIED).</li>
 *   <li>New customers get Status Active, the default class, the class's (or the base) currency and terms,
 *       {@code BAccountID}, {@code NoteID} (= {@code id}) and timestamps.</li>
 *   <li>Validated: CustomerName on create, CustomerClass and CurrencyID exist, Status is a known value, and the
 *       CustomerID of an existing record is not changed through PUT.</li>
 * </ul>
 */
final class CustomerEndpoint extends StoredEntityEndpoint {

    static final String ENTITY = AcumaticaEntity.CUSTOMER.wireName();

    CustomerEndpoint(EndpointContext ctx) {
        super(ctx, ENTITY, "PX.Objects.AR.CustomerMaint/BAccount");
    }

    @Override
    protected EntityStore store() {
        return ctx.tenant.customers;
    }

    @Override
    public SandboxResponse put(JsonNode body, QueryOptions query, WriteCondition condition) {
        synchronized (ctx.tenant) {
            EntityBodyParser.ParsedBody parsed = ctx.parser.parse(ENTITY, body);
            ObjectNode patch = parsed.entity();
            ValueObjects.text(patch, "CustomerID").map(this::normalizeId)
                    .ifPresent(id -> ValueObjects.set(patch, "CustomerID", id));

            String id = patch.path("id").asText(null);
            Optional<String> key = ValueObjects.text(patch, "CustomerID");
            ObjectNode existing;
            if (id != null) {
                existing = store().byId(id).orElse(null);
                if (existing == null) {
                    return condition == WriteCondition.UPDATE_ONLY ? HttpErrors.preconditionFailed(false)
                            : HttpErrors.noEntitySatisfiesTheCondition();
                }
            } else if (key.isPresent()) {
                existing = store().byKeys(List.of(key.get())).orElse(null);
            } else {
                if (condition == WriteCondition.UPDATE_ONLY) {
                    return HttpErrors.preconditionFailed(false);
                }
                ObjectNode candidate = patch.deepCopy();
                FieldErrors errors = new FieldErrors();
                errors.add(candidate, "CustomerID", "CustomerID", "'Customer ID' cannot be empty.");
                return unprocessable(candidate, errors, query, parsed);
            }
            if (existing != null && condition == WriteCondition.INSERT_ONLY) {
                return HttpErrors.preconditionFailed(true);
            }
            if (existing == null && condition == WriteCondition.UPDATE_ONLY) {
                return HttpErrors.preconditionFailed(false);
            }

            ObjectNode candidate = existing == null ? newCustomer() : existing.deepCopy();
            String originalKey = existing == null ? null : ValueObjects.text(existing, "CustomerID").orElse(null);
            ctx.merger.merge(ENTITY, candidate, patch);
            if (existing == null) {
                applyCreateDefaults(candidate);
            }
            ValueObjects.set(candidate, "LastModifiedDateTime", ctx.now());

            FieldErrors errors = validate(candidate, existing == null, originalKey);
            if (errors.any()) {
                return unprocessable(candidate, errors, query, parsed);
            }
            store().save(candidate);
            return withIgnoredFields(SandboxResponse.json(200, render(candidate, query, 1)), parsed);
        }
    }

    private String normalizeId(String customerId) {
        String trimmed = customerId.trim();
        return ctx.tenant.seed.customerIdUpperCase() ? trimmed.toUpperCase(Locale.ROOT) : trimmed;
    }

    private ObjectNode newCustomer() {
        ObjectNode record = ValueObjects.NODES.objectNode();
        String id = ctx.ids.newGuid();
        record.put("id", id);
        ValueObjects.set(record, "NoteID", id);
        return record;
    }

    private void applyCreateDefaults(ObjectNode customer) {
        TenantSeed seed = ctx.tenant.seed;
        ValueObjects.setIfAbsent(customer, "Status", CustomerStatus.ACTIVE.wireName());
        ValueObjects.setIfAbsent(customer, "CustomerClass", seed.defaultCustomerClass());
        Optional<ObjectNode> customerClass = ctx.tenant.referenceData.find("CustomerClass",
                ValueObjects.text(customer, "CustomerClass").orElse(null));
        ValueObjects.setIfAbsent(customer, "CurrencyID", customerClass
                .flatMap(c -> ValueObjects.text(c, "CurrencyID")).orElse(seed.baseCurrency()));
        customerClass.flatMap(c -> ValueObjects.text(c, "Terms"))
                .ifPresent(terms -> ValueObjects.setIfAbsent(customer, "Terms", terms));
        customerClass.flatMap(c -> ValueObjects.text(c, "StatementCycleID"))
                .ifPresent(cycle -> ValueObjects.setIfAbsent(customer, "StatementCycleID", cycle));
        ValueObjects.set(customer, "BAccountID", ctx.tenant.nextBusinessAccountId());
        ValueObjects.set(customer, "CreatedDateTime", ctx.now());
    }

    private FieldErrors validate(ObjectNode customer, boolean creating, String originalKey) {
        FieldErrors errors = new FieldErrors();
        ReferenceData reference = ctx.tenant.referenceData;
        String customerId = ValueObjects.text(customer, "CustomerID").orElse("");
        int maxLength = ctx.tenant.seed.customerIdMaxLength();
        if (customerId.length() > maxLength) {
            errors.add(customer, "CustomerID", "CustomerID",
                    "'Customer ID' cannot be longer than " + maxLength + " characters.");
        }
        if (originalKey != null && !originalKey.equalsIgnoreCase(customerId)) {
            errors.add(customer, "CustomerID", "CustomerID",
                    "The Customer ID cannot be changed by an update; use the Change ID action.");
        }
        if (creating && ValueObjects.text(customer, "CustomerName").isEmpty()) {
            errors.add(customer, "CustomerName", "CustomerName", "'Customer Name' cannot be empty.");
        }
        ValueObjects.text(customer, "CustomerClass").filter(c -> reference.find("CustomerClass", c).isEmpty())
                .ifPresent(c -> errors.add(customer, "CustomerClass", "CustomerClass",
                        "'Customer Class' cannot be found in the system."));
        List<String> creditTerms = ctx.tenant.seed.creditTerms();
        ValueObjects.text(customer, "Terms").filter(terms -> !creditTerms.isEmpty() && !creditTerms.contains(terms))
                .ifPresent(terms -> errors.add(customer, "Terms", "Terms",
                        "'Terms' cannot be found in the system."));
        ValueObjects.text(customer, "CurrencyID").filter(c -> !reference.isActive("Currency", c))
                .ifPresent(c -> errors.add(customer, "CurrencyID", "CurrencyID",
                        "'Currency ID' cannot be found in the system."));
        ValueObjects.text(customer, "Status").filter(s -> CustomerStatus.fromWire(s).isEmpty())
                .ifPresent(s -> errors.add(customer, "Status", "Status", "The value '" + s
                        + "' is not in the list of allowed values " + Arrays.stream(CustomerStatus.values())
                        .map(CustomerStatus::wireName).toList() + "."));
        return errors;
    }

    private SandboxResponse unprocessable(ObjectNode candidate, FieldErrors errors, QueryOptions query,
                                          EntityBodyParser.ParsedBody parsed) {
        candidate.put("error", errors.summary());
        return withIgnoredFields(SandboxResponse.json(422, render(candidate, query, 1)), parsed);
    }

    static SandboxResponse withIgnoredFields(SandboxResponse response, EntityBodyParser.ParsedBody parsed) {
        return parsed.ignoredFields().isEmpty() ? response
                : response.withHeader("X-Sandbox-Ignored-Fields", String.join(", ", parsed.ignoredFields()));
    }
}
