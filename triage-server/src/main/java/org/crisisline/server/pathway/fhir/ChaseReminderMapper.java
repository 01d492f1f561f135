package org.crisisline.server.pathway.fhir;

import java.time.Instant;
import java.util.Date;
import org.crisisline.server.pathway.cmht.CmhtTeam;
import org.crisisline.server.pathway.referral.Referral;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationPriority;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Builds the HL7 FHIR R4 {@code Communication} that chases a team for a referral it has not acknowledged: a
 * completed reminder (category {@code reminder}) about the ServiceRequest we sent (by its identifier), to the
 * team, with the referral's priority and a line saying what is asked. Its id names the referral and the
 * chase, so a team's server can tell a repeat from a new reminder. Nothing about the caller but the
 * referral's id. Stateless and thread-safe.
 */
public final class ChaseReminderMapper {
    static final String COMMUNICATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/communication-category";

    /** The reminder for the chase {@code referral} last had ({@code chases}, {@code lastChasedAt}). */
    public Communication toReminder(Referral referral, CmhtTeam team) {
        Instant sent = referral.lastChasedAt().orElseThrow(() ->
                new IllegalArgumentException("referral " + referral.id() + " has not been chased"));
        Communication reminder = new Communication();
        reminder.setId(reminderId(referral));
        reminder.setStatus(CommunicationStatus.COMPLETED);
        reminder.addCategory(new CodeableConcept(new Coding(COMMUNICATION_CATEGORY, "reminder", "Reminder")));
        reminder.setPriority(priority(referral));
        reminder.addAbout(new Reference().setType("ServiceRequest").setIdentifier(new Identifier()
                .setSystem(FhirCodes.LOCAL_REFERRAL_ID).setValue(referral.id().value())));
        reminder.addRecipient(new Reference("Organization/" + team.id().value()).setDisplay(team.name())
                .setIdentifier(new Identifier().setSystem(FhirCodes.LOCAL_CMHT_ID).setValue(team.id().value())));
        reminder.setSent(Date.from(sent));
        reminder.addPayload().setContent(new StringType("Please acknowledge crisis line referral "
                + referral.id().value() + " (" + referral.urgency().key() + "), respond by " + referral.respondBy()
                + ". Reminder " + referral.chases() + "."));
        return reminder;
    }

    /** {@code <referral id>-chase-<n>}: the same chase sent again has the same id. */
    public static String reminderId(Referral referral) {
        return referral.id().value() + "-chase-" + referral.chases();
    }

    /** As the ServiceRequest's: emergency → stat, urgent → urgent, routine → routine. */
    private static CommunicationPriority priority(Referral referral) {
        return switch (referral.urgency()) {
            case EMERGENCY -> CommunicationPriority.STAT;
            case URGENT -> CommunicationPriority.URGENT;
            case ROUTINE -> CommunicationPriority.ROUTINE;
        };
    }
}
