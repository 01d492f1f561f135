package org.crisisline.server.pathway.referral;

import org.crisisline.server.pathway.outbox.OutboxId;

/**
 * How a referral rides the outbox: exactly one entry per referral, with the referral's id as the entry id
 * (and so as the idempotency key the team's endpoint sees) and {@code "referral/<id>"} as the payload
 * reference the delivery verticle renders (as a FHIR ServiceRequest). Stateless.
 */
public final class ReferralDelivery {
    private static final String PAYLOAD_PREFIX = "referral/";

    private ReferralDelivery() {
    }

    public static OutboxId entryId(ReferralId referral) {
        return OutboxId.of(referral.value());
    }

    public static String payloadRef(ReferralId referral) {
        return PAYLOAD_PREFIX + referral.value();
    }
}
