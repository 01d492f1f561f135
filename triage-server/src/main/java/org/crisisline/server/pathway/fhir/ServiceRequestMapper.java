package org.crisisline.server.pathway.fhir;

import java.util.Date;
import org.crisisline.server.pathway.cmht.CmhtTeam;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralStatus;
import org.crisisline.server.pathway.referral.Urgency;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;

/**
 * Builds the HL7 FHIR R4 {@code ServiceRequest} a CMHT receives for a referral: status (draft until queued,
 * then active; the team's answer belongs in a FHIR Task, not here), intent order, priority from urgency
 * (emergency → stat, urgent → urgent, routine → routine), the referral category and code, the caller as a
 * pseudonymous Patient identifier (never a phone number), the operative as requester, the team as
 * performer Organization, the risk summary as reason, the respond-by window as occurrence, and the
 * consent as an extension. Stateless and thread-safe.
 */
public final class ServiceRequestMapper {

    public ServiceRequest toServiceRequest(Referral referral, CmhtTeam team) {
        var request = referral.request();
        if (!team.id().equals(request.team())) {
            throw new IllegalArgumentException("referral " + referral.id() + " is for team " + request.team()
                    + ", not " + team.id());
        }
        ServiceRequest sr = new ServiceRequest();
        sr.setId(referral.id().value());
        sr.addIdentifier(new Identifier().setSystem(FhirCodes.LOCAL_REFERRAL_ID).setValue(referral.id().value()));
        sr.addIdentifier(new Identifier().setSystem(FhirCodes.LOCAL_CALL_ID).setValue(request.callId().value()));
        sr.setStatus(referral.status() == ReferralStatus.DRAFTED ? ServiceRequestStatus.DRAFT : ServiceRequestStatus.ACTIVE);
        sr.setIntent(ServiceRequestIntent.ORDER);
        sr.setPriority(priority(request.urgency()));
        sr.addCategory(new CodeableConcept(new Coding(FhirCodes.LOCAL_PATHWAY_CATEGORY, FhirCodes.CMHT_REFERRAL,
                FhirCodes.CMHT_REFERRAL_DISPLAY)));
        sr.setCode(new CodeableConcept(new Coding(FhirCodes.SNOMED, FhirCodes.REFERRAL_TO_SERVICE,
                FhirCodes.REFERRAL_TO_SERVICE_DISPLAY)));
        sr.setSubject(new Reference().setType("Patient").setIdentifier(new Identifier()
                .setSystem(FhirCodes.LOCAL_CALLER_PSEUDONYM).setValue(request.caller().pseudonym())));
        sr.setRequester(new Reference().setType("Practitioner").setIdentifier(new Identifier()
                .setSystem(FhirCodes.LOCAL_OPERATIVE_ID).setValue(request.referrer().value())));
        sr.addPerformer(new Reference("Organization/" + team.id().value()).setDisplay(team.name())
                .setIdentifier(new Identifier().setSystem(FhirCodes.LOCAL_CMHT_ID).setValue(team.id().value())));
        sr.addReasonCode(new CodeableConcept().setText(request.risk().text()));
        sr.addNote(new Annotation().setText("Crisis line referral, " + request.urgency().key() + "; respond by "
                + referral.respondBy() + (request.risk().clinicalRisk() ? "; clinical risk identified" : "")));
        sr.setAuthoredOn(Date.from(referral.draftedAt()));
        sr.setOccurrence(new Period().setStart(Date.from(referral.draftedAt())).setEnd(Date.from(referral.respondBy())));
        Extension consent = new Extension(FhirCodes.LOCAL_CONSENT_EXTENSION);
        consent.addExtension("given", new BooleanType(request.consent().given()));
        consent.addExtension("recorded", new DateTimeType(Date.from(request.consent().recordedAt())));
        sr.addExtension(consent);
        return sr;
    }

    static ServiceRequestPriority priority(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> ServiceRequestPriority.STAT;
            case URGENT -> ServiceRequestPriority.URGENT;
            case ROUTINE -> ServiceRequestPriority.ROUTINE;
        };
    }
}
