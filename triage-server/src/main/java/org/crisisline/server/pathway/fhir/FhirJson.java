package org.crisisline.server.pathway.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Serialises and parses FHIR R4 resources as JSON with HAPI's parser. The {@link FhirContext} is costly to
 * build (about a second) and thread-safe, so one cached instance is shared; parsers are made per call as
 * HAPI requires (they are not thread-safe).
 */
public final class FhirJson {
    private final FhirContext context;

    public FhirJson() {
        this(FhirContext.forR4Cached());
    }

    public FhirJson(FhirContext context) {
        this.context = context;
    }

    public String encode(ServiceRequest request) {
        return context.newJsonParser().encodeResourceToString(request);
    }

    public String encode(Communication communication) {
        return context.newJsonParser().encodeResourceToString(communication);
    }

    public Communication parseCommunication(String json) {
        return context.newJsonParser().parseResource(Communication.class, json);
    }

    public ServiceRequest parseServiceRequest(String json) {
        return context.newJsonParser().parseResource(ServiceRequest.class, json);
    }
}
