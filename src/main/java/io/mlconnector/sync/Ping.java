package io.mlconnector.sync;

import io.mlconnector.acumatica.AcumaticaClient;
import io.mlconnector.acumatica.AcumaticaException;
import io.mlconnector.acumatica.EndpointCheck;
import io.mlconnector.chargebee.ChargebeeClient;
import io.mlconnector.chargebee.ChargebeeException;
import io.mlconnector.chargebee.dto.SiteConfiguration;
import io.mlconnector.config.AcumaticaConfig;
import io.mlconnector.config.ChargebeeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Whether the connector can work right now, in plain words: Chargebee's API key, Acumatica's sign-in and endpoint
 * version, the mapping file against Acumatica. Every check runs now (not the once-per-container checks the worker
 * keeps), each on its own, so one failing says what to do and the others still answer. Remote messages are passed on
 * only as Chargebee and Acumatica word them; the credentials themselves are never part of an answer.
 */
@ApplicationScoped
public class Ping {
    private static final Logger LOG = Logger.getLogger(Ping.class);
    /** The first gaps are enough to act on; {@code {"preflight": true}} lists them all. */
    static final int GAP_LINES_MAX = 5;
    private static final String PUT_SECRETS = "put the right one in the stack's secret with infra/put-secrets.sh";

    /** One check: what it looked at, whether it is fine, and in words what it found and what to do. */
    public record Check(String name, boolean ok, String says) {}

    /** Every check; {@code ok} when all are. */
    public record Answer(boolean ok, List<Check> checks) {
        public Answer {
            checks = List.copyOf(checks);
        }
    }

    private final ChargebeeClient chargebee;
    private final AcumaticaClient acumatica;
    private final EndpointCheck endpoint;
    private final Preflight preflight;
    private final ChargebeeConfig chargebeeConfig;
    private final AcumaticaConfig acumaticaConfig;

    public Ping(ChargebeeClient chargebee, AcumaticaClient acumatica, EndpointCheck endpoint, Preflight preflight,
                ChargebeeConfig chargebeeConfig, AcumaticaConfig acumaticaConfig) {
        this.chargebee = chargebee;
        this.acumatica = acumatica;
        this.endpoint = endpoint;
        this.preflight = preflight;
        this.chargebeeConfig = chargebeeConfig;
        this.acumaticaConfig = acumaticaConfig;
    }

    public Answer run() {
        List<Check> checks = new ArrayList<>();
        checks.add(chargebee());
        Optional<List<String>> published = signIn(checks);
        if (published.isPresent()) {
            checks.add(endpointVersion(published.get()));
            checks.add(mapping());
        } else {
            checks.add(new Check("acumatica_endpoint", false, "not checked: the connector could not sign in to"
                    + " Acumatica"));
            checks.add(new Check("mapping", false, "not checked: the mapping is checked against Acumatica, and the"
                    + " connector could not sign in"));
        }
        checks.forEach(check -> LOG.infof("Ping %s: %s", check.name(), check.ok() ? "ok" : "problem"));
        return new Answer(checks.stream().allMatch(Check::ok), checks);
    }

    private Check chargebee() {
        String site = "Chargebee site " + chargebeeConfig.site();
        try {
            List<SiteConfiguration> configurations = chargebee.configurations();
            if (configurations.isEmpty() || !configurations.stream().allMatch(SiteConfiguration::isProductCatalog2)) {
                return new Check("chargebee", false, site + ": the API key works, but the site runs product catalog "
                        + configurations.stream().map(SiteConfiguration::productCatalogVersion).distinct().toList()
                        + "; the connector reads Product Catalog 2.0 (v2) sites only");
            }
            return new Check("chargebee", true, site + ": ok, the API key works and the site runs Product Catalog"
                    + " 2.0");
        } catch (ChargebeeException.AuthFailed e) {
            return new Check("chargebee", false, site + " refused the API key (" + e.status() + "): " + PUT_SECRETS
                    + " (a full-access or read-only key of that site)");
        } catch (ChargebeeException e) {
            return new Check("chargebee", false, site + " did not answer as expected (" + e.status() + " "
                    + e.apiErrorCode() + ")" + (e.retryable() ? ": it may be busy or down; ping again later"
                    : ": check chargebee.site (CHARGEBEE_SITE) and the API key"));
        } catch (RuntimeException e) {
            return new Check("chargebee", false, site + " could not be reached (" + e.getClass().getSimpleName()
                    + "): check CHARGEBEE_SITE and the function's network access");
        }
    }

    /** Signs in with a call that needs it ({@code GET /entity}); its answer serves the endpoint check. */
    private Optional<List<String>> signIn(List<Check> checks) {
        String where = "Acumatica at " + acumaticaConfig.baseUrl();
        try {
            List<String> published = acumatica.publishedVersions(acumaticaConfig.endpointName());
            checks.add(new Check("acumatica_sign_in", true, where + ": ok, signed in (" + acumaticaConfig.auth()
                    + ")"));
            return Optional.of(published);
        } catch (AcumaticaException.AuthFailed e) {
            checks.add(new Check("acumatica_sign_in", false, where + " refused the sign-in (" + e.status() + "):"
                    + " the client id and secret, or the user and password, are wrong or the user is locked; "
                    + PUT_SECRETS));
        } catch (AcumaticaException e) {
            checks.add(new Check("acumatica_sign_in", false, where + " did not answer as expected (" + e.status()
                    + ")" + (e.retryable() ? ": it may be busy or down; ping again later"
                    : ": check ACUMATICA_BASE_URL (the instance's URL, e.g. https://erp.example.com/AcumaticaERP)")));
        } catch (RuntimeException e) {
            checks.add(new Check("acumatica_sign_in", false, where + " could not be reached ("
                    + e.getClass().getSimpleName() + "): check ACUMATICA_BASE_URL and the function's network access"));
        }
        return Optional.empty();
    }

    private Check endpointVersion(List<String> published) {
        return endpoint.problemWith(published)
                .map(problem -> new Check("acumatica_endpoint", false, problem))
                .orElseGet(() -> new Check("acumatica_endpoint", true, "ok, Acumatica publishes endpoint "
                        + acumaticaConfig.endpointName() + "/" + acumaticaConfig.endpointVersion()));
    }

    private Check mapping() {
        try {
            Preflight.Report report = preflight.run();
            if (!report.mappingProblems().isEmpty()) {
                return new Check("mapping", false, "mapping " + report.source() + " cannot be used: "
                        + String.join("; ", report.mappingProblems()));
            }
            if (report.isClean()) {
                return new Check("mapping", true, "mapping " + report.source() + ": ok, Acumatica has every account,"
                        + " subaccount, class, tax and payment method it names" + (report.warnings().isEmpty() ? ""
                        : " (" + report.warnings().size() + " warning(s): run {\"preflight\": true})"));
            }
            List<String> lines = report.lines();
            return new Check("mapping", false, "mapping " + report.source() + ": " + lines.size() + " gap(s); "
                    + String.join("; ", lines.subList(0, Math.min(GAP_LINES_MAX, lines.size())))
                    + (lines.size() > GAP_LINES_MAX ? "; run {\"preflight\": true} for all of them" : ""));
        } catch (RuntimeException e) {
            return new Check("mapping", false, "the mapping could not be checked (" + e.getClass().getSimpleName()
                    + "): run {\"preflight\": true} for details");
        }
    }
}
