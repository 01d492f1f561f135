package org.crisisline.server.referral;

import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory referral store keeps the referral store contract")
class InMemoryReferralStoreTest extends ReferralStoreContract {

    @Override
    protected ReferralStore newStore() {
        return new InMemoryReferralStore(RETRIES);
    }
}
