package io.mlconnector.acumatica.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Body of a {@code PUT Payment} that adds applications to a released, open payment named by its keys. */
@RegisterForReflection
public record AcuPaymentApplicationsUpdate(String type, String referenceNbr,
                                           List<AcuPaymentApplication> documentsToApply) {}
