package org.crisisline.server.http.partner;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.auth.web.ApiFailureHandler;
import org.crisisline.server.http.JsonInput;
import org.crisisline.server.http.Params;
import org.crisisline.server.http.ReferralJson;
import org.crisisline.server.http.Replies;
import org.crisisline.server.http.RouteTable;
import org.crisisline.server.pathway.Result;
import org.crisisline.server.pathway.cmht.CmhtDirectory;
import org.crisisline.server.pathway.config.ReferralEndpoint;
import org.crisisline.server.pathway.referral.ClinicalFactor;
import org.crisisline.server.pathway.referral.Referral;
import org.crisisline.server.pathway.referral.ReferralId;
import org.crisisline.server.pathway.referral.RejectionReason;
import org.crisisline.server.pathway.referral.TeamRejection;
import org.crisisline.server.referral.ReferralDesk;
import org.crisisline.server.referral.ReferralJournal;

/**
 * The route a CMHT's own system calls about a referral we sent it: {@code POST /partner/referrals/{id}/status}
 * {@code {"status": "acknowledged|accepted|rejected", "reasonCode", "explanation", "citedFactors"}} (the last
 * three only with, and the first two required for, a rejection). Outside {@code /api}: no session cookie and
 * no CSRF token (a partner's server has neither); instead {@code Authorization: Bearer <token>}, compared in
 * constant time with every configured endpoint's token: no or an unknown token 401 {@code bad-token}, the
 * token of another team's endpoint 403 {@code not-your-referral}. A rejection leaning on clinical factors is
 * refused (422 {@code referral-refused}); a status that contradicts an earlier one 409
 * {@code referral-conflict}. A rejection waits for a clinical lead's fallback plan. Event loop.
 */
public final class PartnerRoutes {
    public static final String PREFIX = "/partner";
    private static final String BEARER = "Bearer ";
    private static final int MAX_BODY_BYTES = 16_384;

    private final ReferralDesk desk;
    private final Supplier<CmhtDirectory> teams;
    private final Map<String, ReferralEndpoint> endpoints;

    public PartnerRoutes(ReferralDesk desk, Supplier<CmhtDirectory> teams, Map<String, ReferralEndpoint> endpoints) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.endpoints = Map.copyOf(endpoints);
    }

    /** Mounts its own body limit and JSON failure handler on {@code /partner/*}, then the status route. */
    public void mount(Router router, RouteTable routes) {
        router.route(PREFIX + "/*")
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                .failureHandler(new ApiFailureHandler());
        routes.open(HttpMethod.POST, PREFIX + "/referrals/:id/status", this::status);
    }

    private void status(RoutingContext rc) {
        ReferralEndpoint caller = authenticated(rc);
        ReferralId id = ReferralId.of(Params.id(rc.pathParam("id"), "id"));
        JsonInput body = JsonInput.body(rc, "status", "reasonCode", "explanation", "citedFactors");
        Function<Referral, Result<Referral>> step = step(body, rc.body().asJsonObject());
        ReferralJournal.By by = new ReferralJournal.By("partner:" + caller.id(), List.of());
        desk.find(id)
                .compose(found -> {
                    Referral referral = found.orElseThrow(() ->
                            new ApiError(404, "unknown-referral", "There is no referral " + id + "."));
                    if (!sentTo(referral, caller)) {
                        throw new ApiError(403, "not-your-referral", "This referral was not sent to your endpoint.");
                    }
                    return desk.apply(id, step, by).recover(ReferralJson::asApiError);
                })
                .onSuccess(referral -> Replies.ok(rc, ReferralJson.referral(referral)))
                .onFailure(rc::fail);
    }

    private boolean sentTo(Referral referral, ReferralEndpoint caller) {
        return teams.get().team(referral.request().team())
                .filter(team -> team.referralEndpointId().equals(caller.id()))
                .isPresent();
    }

    /** The endpoint whose token the request carries; every token is compared, each in constant time. */
    private ReferralEndpoint authenticated(RoutingContext rc) {
        String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        byte[] sent = header != null && header.startsWith(BEARER)
                ? header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        Optional<ReferralEndpoint> match = Optional.empty();
        for (ReferralEndpoint endpoint : endpoints.values()) {
            if (MessageDigest.isEqual(sent, endpoint.token().getBytes(StandardCharsets.UTF_8)) && sent.length > 0) {
                match = Optional.of(endpoint);
            }
        }
        return match.orElseThrow(() -> new ApiError(401, "bad-token",
                "Send the bearer token configured for your referral endpoint."));
    }

    private Function<Referral, Result<Referral>> step(JsonInput body, JsonObject raw) {
        String status = body.string("status", 16);
        if (!status.equals("rejected") && Stream.of("reasonCode", "explanation", "citedFactors").anyMatch(raw::containsKey)) {
            throw ApiError.badRequest("unexpected-field", "'reasonCode', 'explanation' and 'citedFactors' go only "
                    + "with status 'rejected'.");
        }
        return switch (status) {
            case "acknowledged" -> desk.lifecycle()::acknowledge;
            case "accepted" -> desk.lifecycle()::accept;
            case "rejected" -> {
                TeamRejection rejection = new TeamRejection(reason(body), body.string("explanation", 2_000),
                        factors(body));
                if (desk.lifecycle().rejections().checkGrounds(rejection) instanceof Result.Rejected<TeamRejection> no) {
                    throw new ApiError(422, "referral-refused", no.reason());
                }
                yield referral -> desk.lifecycle().rejectByTeam(referral, rejection);
            }
            default -> throw ApiError.badRequest("bad-status", "'status' is one of acknowledged, accepted, rejected.");
        };
    }

    private static RejectionReason reason(JsonInput body) {
        String code = body.string("reasonCode", 40);
        return Arrays.stream(RejectionReason.values()).filter(r -> ReferralJson.code(r).equals(code)).findFirst()
                .orElseThrow(() -> ApiError.badRequest("bad-reason-code", "'reasonCode' is one of "
                        + String.join(", ", Arrays.stream(RejectionReason.values()).map(ReferralJson::code).toList())
                        + "."));
    }

    private static Set<ClinicalFactor> factors(JsonInput body) {
        Set<ClinicalFactor> factors = EnumSet.noneOf(ClinicalFactor.class);
        for (String code : body.strings("citedFactors", 3, 40)) {
            factors.add(Arrays.stream(ClinicalFactor.values()).filter(f -> ReferralJson.code(f).equals(code)).findFirst()
                    .orElseThrow(() -> ApiError.badRequest("bad-cited-factor",
                            "'citedFactors' holds suicidal-thoughts, comorbidity or risk.")));
        }
        return factors;
    }
}
