package org.crisisline.server.pathway.referral;

/**
 * Clinical factors that, by DOMAIN.md policy ("suicidal thoughts, comorbidity or risk never exclude by
 * themselves"), can never be the ground for rejecting a referral.
 */
public enum ClinicalFactor {
    SUICIDAL_THOUGHTS,
    COMORBIDITY,
    RISK
}
