package org.crisisline.server.pathway.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crisisline.server.pathway.testing.ReferralRequestBuilder.aReferralRequest;
import static org.crisisline.server.pathway.testing.TeamBuilder.aTeam;

import java.time.Instant;
import java.util.Date;
import org.crisisline.queue.testing.MutableClock;
import org.crisisline.server.pathway.cmht.CmhtTeam;
import org.crisisline.server.pathway.config.PathwaySettingsReader;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralConfig;
import org.crisisline.server.pathway.referral.ReferralId;
import org.crisisline.server.pathway.referral.ReferralLifecycle;
import org.crisisline.server.pathway.referral.Urgency;
import org.crisisline.server.pathway.testing.ReferralRequestBuilder;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A referral as an HL7 FHIR R4 ServiceRequest")
class ServiceRequestMapperTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final FhirJson JSON = new FhirJson();

    private final ReferralLifecycle lifecycle = new ReferralLifecycle(new MutableClock(T0), PathwaySettingsReader.defaults().referral());
    private final CmhtTeam team = aTeam("leeds-west").covering("LS6").build();
    private final ServiceRequestMapper mapper = new ServiceRequestMapper();

    private Referral queued(ReferralRequestBuilder request) {
        Referral drafted = lifecycle.draft(ReferralId.of("ref-1"), request.build()).orElseThrow();
        return lifecycle.queue(drafted).orElseThrow();
    }

    private ServiceRequest roundTrip(Referral referral) {
        return JSON.parseServiceRequest(JSON.encode(mapper.toServiceRequest(referral, team)));
    }

    @Test
    @DisplayName("survives a JSON round trip with every field the team needs")
    void roundTripKeepsEverything() {
        Referral referral = queued(aReferralRequest().urgent().withClinicalRisk("Suicidal thoughts, no plan; lives alone"));

        ServiceRequest parsed = roundTrip(referral);

        assertThat(parsed.getIdElement().getIdPart()).isEqualTo("ref-1");
        assertThat(parsed.getStatus()).isEqualTo(ServiceRequestStatus.ACTIVE);
        assertThat(parsed.getIntent()).isEqualTo(ServiceRequestIntent.ORDER);
        assertThat(parsed.getPriority()).isEqualTo(ServiceRequestPriority.URGENT);
        assertThat(parsed.getCategoryFirstRep().getCodingFirstRep().getSystem()).isEqualTo(FhirCodes.LOCAL_PATHWAY_CATEGORY);
        assertThat(parsed.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("cmht-referral");
        assertThat(parsed.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
        assertThat(parsed.getCode().getCodingFirstRep().getCode()).isEqualTo("306206005");
        assertThat(parsed.getSubject().getType()).isEqualTo("Patient");
        assertThat(parsed.getSubject().getIdentifier().getValue()).isEqualTo("k7f3a9c2e1");
        assertThat(parsed.getRequester().getIdentifier().getValue()).isEqualTo("op-1");
        assertThat(parsed.getPerformerFirstRep().getReference()).isEqualTo("Organization/leeds-west");
        assertThat(parsed.getPerformerFirstRep().getDisplay()).isEqualTo("CMHT leeds-west");
        assertThat(parsed.getReasonCodeFirstRep().getText()).isEqualTo("Suicidal thoughts, no plan; lives alone");
        assertThat(parsed.getNoteFirstRep().getText()).contains("urgent").contains("clinical risk");
        assertThat(parsed.getAuthoredOn()).isEqualTo(Date.from(T0));
        assertThat(((Period) parsed.getOccurrence()).getEnd()).isEqualTo(Date.from(referral.respondBy()));
        assertThat(parsed.getIdentifier()).extracting(id -> id.getValue()).contains("ref-1", "call-1");
    }

    @Test
    @DisplayName("records the caller's consent as an extension")
    void consentExtension() {
        ServiceRequest parsed = roundTrip(queued(aReferralRequest()));

        Extension consent = parsed.getExtensionByUrl(FhirCodes.LOCAL_CONSENT_EXTENSION);
        assertThat(((BooleanType) consent.getExtensionByUrl("given").getValue()).booleanValue()).isTrue();
        assertThat(consent.getExtensionByUrl("recorded").getValue().primitiveValue()).startsWith("2026-11-27");
    }

    @ParameterizedTest(name = "{0} is priority {1}")
    @CsvSource({"EMERGENCY, STAT", "URGENT, URGENT", "ROUTINE, ROUTINE"})
    void priorityFromUrgency(Urgency urgency, ServiceRequestPriority priority) {
        assertThat(roundTrip(queued(aReferralRequest().withUrgency(urgency))).getPriority()).isEqualTo(priority);
    }

    @Test
    @DisplayName("a drafted referral is a draft request")
    void draftStatus() {
        Referral drafted = lifecycle.draft(ReferralId.of("ref-2"), aReferralRequest().build()).orElseThrow();

        assertThat(mapper.toServiceRequest(drafted, team).getStatus()).isEqualTo(ServiceRequestStatus.DRAFT);
    }

    @Test
    @DisplayName("the JSON carries no phone number, only the caller's pseudonym")
    void noRawNumber() {
        String json = JSON.encode(mapper.toServiceRequest(queued(aReferralRequest()), team));

        assertThat(json).contains("k7f3a9c2e1").doesNotContainPattern("0[0-9]{10}(?![0-9])|\\+44");
    }

    @Test
    @DisplayName("mapping a referral onto another team is a bug")
    void wrongTeam() {
        CmhtTeam other = aTeam("leeds-east").build();

        assertThatThrownBy(() -> mapper.toServiceRequest(queued(aReferralRequest()), other))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
