package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The {@code entity} part of an action body: the record is named by its id. */
@RegisterForReflection
public record EntityKeys(String id) {}
