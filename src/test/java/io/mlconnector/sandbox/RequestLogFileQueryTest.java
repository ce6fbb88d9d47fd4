package io.mlconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The query a request-log line shows: readable, and never a credential or any part of one. */
class RequestLogFileQueryTest {

    @Test
    void safeQuery_shouldMaskTheWholeSecret_evenWhenItHoldsAnEncodedAmpersand() {
        assertThat(RequestLogFile.safeQuery("a=1&password=a%26b&x=%5B1%5D", true))
                .isEqualTo("a=1&password=***&x=[1]");
    }

    @Test
    void safeQuery_shouldMaskACredentialWhoseNameIsEncoded() {
        assertThat(RequestLogFile.safeQuery("pass%77ord=s3cret&limit=2", true)).isEqualTo("password=***&limit=2");
    }

    @Test
    void safeQuery_shouldKeepAPlusAsItself_forAspNetQueries_andAsASpace_forForms() {
        assertThat(RequestLogFile.safeQuery("$filter=Date%20gt%20datetimeoffset'2026-01-01T00:00:00+00:00'", false))
                .isEqualTo("$filter=Date gt datetimeoffset'2026-01-01T00:00:00+00:00'");
        assertThat(RequestLogFile.safeQuery("q=a+b", true)).isEqualTo("q=a b");
    }
}
