package io.mlconnector.sandbox.acumatica;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every entity endpoint of the simulated Default/24.200.001 endpoint shares: the tenant, the contract-driven
 * parser, merger and renderer, the clock and id source, and the URL prefix used for {@code _links} and
 * {@code Location} headers (root-relative, with the instance path, as Acumatica writes them).
 */
final class EndpointContext {

    final Tenant tenant;
    final ContractShapes shapes;
    final EntityBodyParser parser;
    final EntityMerger merger;
    final EntityRenderer renderer;
    final Clock clock;
    final Ids ids;
    /** e.g. {@code /AcumaticaERP/entity/Default/24.200.001}. */
    final String endpointPath;
    /** Status polls answered with 202 before a release reports 204; adjustable while running. */
    final AtomicInteger releasePollsBeforeCompletion;
    /** When set, a release completes this long after it is accepted (sandbox clock), and the poll count is ignored. */
    final AtomicReference<Duration> releaseDuration = new AtomicReference<>();
    /**
     * The API user's time zone (User Profile, SM203010): local date-times in requests are read in it, and document
     * dates are rendered as midnight with its offset. UTC unless a test changes it.
     */
    final AtomicReference<ZoneId> userTimeZone = new AtomicReference<>(ZoneOffset.UTC);

    EndpointContext(Tenant tenant, ContractShapes shapes, Clock clock, Ids ids, String endpointPath,
                    int releasePollsBeforeCompletion) {
        this.tenant = tenant;
        this.shapes = shapes;
        this.parser = new EntityBodyParser(shapes, userTimeZone::get);
        this.merger = new EntityMerger(shapes, ids);
        this.renderer = new EntityRenderer(shapes);
        this.clock = clock;
        this.ids = ids;
        this.endpointPath = endpointPath;
        this.releasePollsBeforeCompletion = new AtomicInteger(releasePollsBeforeCompletion);
    }

    /** {@code _links} of a top-level record; {@code graph} names the screen graph and primary view for files. */
    EntityRenderer.Links links(String entity, String graph, String id) {
        return new EntityRenderer.Links(endpointPath + "/" + entity + "/" + id,
                endpointPath + "/files/" + graph + "/" + id + "/{filename}");
    }

    ZoneId userTimeZone() {
        return userTimeZone.get();
    }

    /** Today, as a document date in the API user's time zone (the default of a date the client leaves out). */
    String today() {
        ZoneId zone = userTimeZone();
        return ValueObjects.formatDate(java.time.LocalDate.ofInstant(clock.instant(), zone), zone);
    }

    String now() {
        return ValueObjects.formatDateTime(clock.instant());
    }
}
