package io.mlconnector.chargebee.dto;

import java.util.List;
import java.util.Optional;

/** One page of a Chargebee list; {@code nextOffset} is opaque and absent on the last page. */
public record Page<T>(List<T> items, Optional<String> nextOffset) {}
