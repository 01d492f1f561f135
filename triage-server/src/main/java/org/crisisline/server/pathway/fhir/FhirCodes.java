package org.crisisline.server.pathway.fhir;

/**
 * The code systems and codes Crisisline puts in FHIR resources. Systems under
 * {@code https://fhir.crisisline.invalid/} are LOCAL to Crisisline (".invalid" is reserved and never
 * resolves): replace them with a national code system when one is agreed with the receiving trusts.
 */
public final class FhirCodes {
    public static final String SNOMED = "http://snomed.info/sct";

    /**
     * SNOMED CT 306206005 "Referral to service (procedure)", as used in HL7's own ActivityDefinition
     * example "referralPrimaryCareMentalHealth". A more specific "referral to community mental health team"
     * concept was not verified here, so the general one is used in {@code ServiceRequest.code}.
     */
    public static final String REFERRAL_TO_SERVICE = "306206005";
    public static final String REFERRAL_TO_SERVICE_DISPLAY = "Referral to service (procedure)";

    /** LOCAL code system for the pathway category. */
    public static final String LOCAL_PATHWAY_CATEGORY = "https://fhir.crisisline.invalid/CodeSystem/pathway-category";
    public static final String CMHT_REFERRAL = "cmht-referral";
    public static final String CMHT_REFERRAL_DISPLAY = "Referral to community mental health team (local code)";

    /** LOCAL identifier systems. */
    public static final String LOCAL_REFERRAL_ID = "https://fhir.crisisline.invalid/Id/referral";
    public static final String LOCAL_CALL_ID = "https://fhir.crisisline.invalid/Id/call";
    public static final String LOCAL_CALLER_PSEUDONYM = "https://fhir.crisisline.invalid/Id/caller-pseudonym";
    public static final String LOCAL_OPERATIVE_ID = "https://fhir.crisisline.invalid/Id/operative";
    public static final String LOCAL_CMHT_ID = "https://fhir.crisisline.invalid/Id/cmht";

    /** LOCAL extension recording the caller's consent: sub-extensions "given" (boolean) and "recorded" (dateTime). */
    public static final String LOCAL_CONSENT_EXTENSION = "https://fhir.crisisline.invalid/StructureDefinition/caller-consent";

    private FhirCodes() {
    }
}
