package io.mlconnector.sandbox.chargebee.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chargebee.APIException;
import com.chargebee.Environment;
import com.chargebee.exceptions.InvalidRequestException;
import com.chargebee.models.CreditNote;
import com.chargebee.models.Customer;
import com.chargebee.models.Event;
import com.chargebee.models.Invoice;
import com.chargebee.models.Transaction;
import io.mlconnector.sandbox.chargebee.ChargebeeSandbox;
import io.mlconnector.sandbox.chargebee.ChargebeeSandboxOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every error the sandbox answers reaches an SDK user as the SDK's typed exception with the right status and
 * {@code api_error_code}: the SDK parses error bodies strictly (it needs {@code api_error_code}, {@code message} and
 * the legacy {@code error_code}/{@code error_msg}) and otherwise throws a plain {@code RuntimeException} "Probably not
 * ChargeBee' error response", which these tests would report as a failure.
 */
class OfficialSdkReadsSandboxErrorsTest {

    private static final String UNKNOWN_ID = "no_such_record_42";

    private static SdkGlobalState sdkStateBefore;
    private static DemoCycleData data;
    private static ChargebeeSandbox sandbox;
    private static Environment sdk;

    @BeforeAll
    static void startSandbox() {
        sdkStateBefore = SdkGlobalState.capture();
        data = DemoCycleData.load();
        sandbox = ChargebeeSandbox.start(ChargebeeSandboxOptions.defaults().withDataDirectory(data.directory()));
        sdk = SandboxSdkEnvironment.of(sandbox, ChargebeeSandboxOptions.DEFAULT_API_KEY);
    }

    @AfterEach
    void clearFaults() {
        sandbox.faults().clear();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.stop();
        assertEquals(sdkStateBefore, SdkGlobalState.capture(), "the tests must leave no static SDK state behind");
    }

    @Test
    void wrongApiKey_shouldRaiseTypedApiException401_whenTheSdkListsOrRetrieves() {
        Environment wrongKey = SandboxSdkEnvironment.of(sandbox, "test_wrong_key");
        String customerId = data.customers().keySet().iterator().next();

        for (Executable call : List.<Executable>of(
                () -> Customer.list().limit(1).request(wrongKey),
                () -> Customer.retrieve(customerId).request(wrongKey),
                () -> Event.list().limit(1).request(wrongKey))) {
            APIException e = assertThrows(APIException.class, call);
            assertEquals(APIException.class, e.getClass(), "no type in a 401 body, so the base class");
            assertEquals(401, e.httpStatusCode);
            assertEquals("api_authentication_failed", e.apiErrorCode);
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void unknownId_shouldRaiseInvalidRequestException404ResourceNotFound_forEveryResourceTheConnectorReads() {
        for (Executable call : List.<Executable>of(
                () -> Customer.retrieve(UNKNOWN_ID).request(sdk),
                () -> Invoice.retrieve(UNKNOWN_ID).request(sdk),
                () -> CreditNote.retrieve(UNKNOWN_ID).request(sdk),
                () -> Transaction.retrieve(UNKNOWN_ID).request(sdk),
                () -> Event.retrieve(UNKNOWN_ID).request(sdk))) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
            assertEquals(404, e.httpStatusCode);
            assertEquals("resource_not_found", e.apiErrorCode);
            assertEquals("invalid_request", e.type);
        }
    }

    @Test
    void rateLimit_shouldRaiseTypedApiException429WithRetryAfter_andTheNextCallSucceeds() throws Exception {
        sandbox.faults().rateLimitNext(1, 7);

        APIException e = assertThrows(APIException.class, () -> Invoice.list().limit(1).request(sdk));

        assertEquals(429, e.httpStatusCode);
        assertEquals("api_request_limit_exceeded", e.apiErrorCode);
        assertEquals(List.of("7"), header(e.headers, "Retry-After"), "the SDK exposes Retry-After to its caller");
        assertEquals(1, Invoice.list().limit(1).request(sdk).size(), "one 429 only");
    }

    @Test
    void siteNotReady_shouldRaiseTypedApiException503() {
        sandbox.faults().serviceUnavailableNext(1);

        APIException e = assertThrows(APIException.class, () -> Transaction.list().limit(1).request(sdk));

        assertEquals(503, e.httpStatusCode);
        assertEquals("site_not_ready", e.apiErrorCode);
    }

    @Test
    void limitAbove100_shouldRaiseInvalidRequestException400ParamWrongValue_namingLimit() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Invoice.list().limit(101).request(sdk));

        assertEquals(400, e.httpStatusCode);
        assertEquals("param_wrong_value", e.apiErrorCode);
        assertEquals("limit", e.param);
        assertTrue(e.isParamErr());
    }

    @Test
    void malformedOffset_shouldRaiseInvalidRequestException400ParamWrongValue_namingOffset() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Event.list().limit(10).offset("not-an-offset").request(sdk));

        assertEquals(400, e.httpStatusCode);
        assertEquals("param_wrong_value", e.apiErrorCode);
        assertEquals("offset", e.param);
    }

    @Test
    void lineItemsLimitOutOfRange_shouldRaiseInvalidRequestException400_whenSentAsAGenericSdkParam() {
        String invoiceId = data.invoices().keySet().iterator().next();

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Invoice.retrieve(invoiceId).param("line_items_limit", 0).request(sdk));

        assertEquals(400, e.httpStatusCode);
        assertEquals("param_wrong_value", e.apiErrorCode);
        assertEquals("line_items_limit", e.param);
    }

    /** Header names as HttpURLConnection reports them keep the server's spelling; HTTP says they are case-blind. */
    private static List<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(List.of());
    }
}
