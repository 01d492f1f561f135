package org.crisisline.server.pathway.referral;

import java.util.Set;
import org.crisisline.server.pathway.Result;

/** Small helpers for referral tests: a rejection that satisfies the policy, and unwrapping results. */
final class ReferralFixtures {
    private ReferralFixtures() {
    }

    static Rejection aProperRejection(RejectionReason reason) {
        return new Rejection(reason, "Caller lives in Bradford", Set.of(),
                "Re-refer to Bradford CMHT; crisis line check-in call tomorrow", "Leeds West duty worker");
    }

    static Referral applied(Result<Referral> result) {
        return result.orElseThrow();
    }
}
