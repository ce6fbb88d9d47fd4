package io.mlconnector.secrets;

/** OAuth 2.0 password-grant credentials of the Acumatica integration user and its connected application. */
public record AcumaticaCredentials(String clientId, Secret clientSecret, String username, Secret password) {}
