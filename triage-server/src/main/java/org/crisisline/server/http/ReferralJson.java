package org.crisisline.server.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Locale;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.referral.ReferralRefused;

/**
 * Referrals as the API shows them (the caller as a pseudonym, never the risk summary), and referral refusals
 * as API errors: no such referral 404 {@code unknown-referral}, a change that conflicts with what already
 * happened 409 {@code referral-conflict}, a rule's refusal 422 {@code referral-refused}. Stateless.
 */
public final class ReferralJson {
    private ReferralJson() {
    }

    public static JsonObject referral(Referral referral) {
        JsonObject json = new JsonObject()
                .put("id", referral.id().value())
                .put("call", referral.request().callId().value())
                .put("caller", referral.request().caller().pseudonym())
                .put("team", referral.request().team().value())
                .put("urgency", referral.urgency().name())
                .put("status", referral.status().name())
                .put("respondBy", referral.respondBy().toString())
                .put("chases", referral.chases());
        referral.teamRejection().ifPresent(rejected -> json
                .put("reasonCode", code(rejected.reason()))
                .put("explanation", rejected.explanation()));
        referral.rejection().ifPresent(rejection -> json
                .put("fallbackPlan", rejection.fallbackPlan())
                .put("fallbackOwner", rejection.fallbackOwner()));
        return json;
    }

    /** A code as the API writes it: {@code OUT_OF_AREA} → {@code out-of-area}. */
    public static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static JsonArray list(Collection<Referral> referrals) {
        JsonArray out = new JsonArray();
        referrals.forEach(referral -> out.add(referral(referral)));
        return out;
    }

    /** A failed future with the refusal as an {@link ApiError}; any other failure passes through. */
    public static <T> Future<T> asApiError(Throwable failure) {
        if (failure instanceof ReferralRefused refused) {
            return Future.failedFuture(switch (refused.kind()) {
                case NOT_FOUND -> new ApiError(404, "unknown-referral", refused.getMessage());
                case CONFLICT -> new ApiError(409, "referral-conflict", capitalised(refused.getMessage()));
                case RULE -> new ApiError(422, "referral-refused", capitalised(refused.getMessage()));
            });
        }
        return Future.failedFuture(failure);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }
}
