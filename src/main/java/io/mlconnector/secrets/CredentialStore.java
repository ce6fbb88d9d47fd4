package io.mlconnector.secrets;

/** Port: where the credentials come from (Secrets Manager in AWS, configuration locally and in tests). */
public interface CredentialStore {
    ChargebeeCredentials chargebee();

    WebhookCredentials webhook();

    AcumaticaCredentials acumatica();
}
