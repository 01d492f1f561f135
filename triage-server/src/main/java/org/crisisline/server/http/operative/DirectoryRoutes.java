package org.crisisline.server.http.operative;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.crisisline.queue.model.Language;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.http.Params;
import org.crisisline.server.http.Replies;
import org.crisisline.server.http.RouteTable;
import org.crisisline.server.http.admin.AdminConfig;
import org.crisisline.server.pathway.PostcodeDistrict;
import org.crisisline.server.pathway.cafe.AccessFeature;
import org.crisisline.server.pathway.cafe.CafeConfig;
import org.crisisline.server.pathway.cafe.CafeFinder;
import org.crisisline.server.pathway.cafe.CafeNeeds;
import org.crisisline.server.pathway.cafe.CafeOffer;
import org.crisisline.server.pathway.cmht.CallerLocation;
import org.crisisline.server.pathway.cmht.DutyLine;
import org.crisisline.server.pathway.cmht.TeamLookup;
import org.crisisline.server.pathway.cmht.WarmTransfer;
import org.crisisline.server.signpost.SignpostBoard;

/**
 * Look-ups during a call, from the directories admins keep: {@code GET /api/cafes?district=&language=&access=}
 * (the {@link CafeFinder}'s offers: open now or soon, covering the district, with places left, speaking the
 * language, meeting every access need; {@code access} is a comma-separated list) and
 * {@code GET /api/cmht?postcode=&gp=} (the team covering the caller, or 404 {@code no-team} with why; a
 * warm transfer is offered only in the duty line's hours). Read-only; event loop only.
 */
public final class DirectoryRoutes {
    private final AdminConfig config;
    private final CafeConfig cafeConfig;
    private final SignpostBoard signposts;
    private final Clock clock;

    public DirectoryRoutes(AdminConfig config, CafeConfig cafeConfig, SignpostBoard signposts, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.cafeConfig = Objects.requireNonNull(cafeConfig, "cafeConfig");
        this.signposts = Objects.requireNonNull(signposts, "signposts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void mount(RouteTable routes) {
        routes.guarded(HttpMethod.GET, "/api/cafes", OperativeRoutes.TAKES_CALLS, this::cafes);
        routes.guarded(HttpMethod.GET, "/api/cmht", OperativeRoutes.TAKES_CALLS, this::cmht);
    }

    private void cafes(RoutingContext rc) {
        PostcodeDistrict district = district(Params.requiredQuery(rc, "district", 10), "district");
        String code = Params.query(rc, "language", 8).orElse("en").toLowerCase(Locale.ROOT);
        if (!code.matches("[a-z]{2,3}")) {
            throw ApiError.badRequest("bad-parameter", "'language' is a language code such as en, cy, pl or bsl.");
        }
        Set<AccessFeature> access = access(Params.query(rc, "access", 200).orElse(""));
        CafeNeeds needs = new CafeNeeds(district, Language.of(code), access);
        Instant now = clock.instant();
        signposts.tallyFor(config.cafes(), now)
                .onSuccess(tally -> {
                    JsonArray offers = new JsonArray();
                    new CafeFinder(config.cafes(), cafeConfig).find(needs, now, tally)
                            .forEach(offer -> offers.add(offer(offer)));
                    Replies.ok(rc, new JsonObject().put("district", district.code()).put("cafes", offers));
                })
                .onFailure(rc::fail);
    }

    private void cmht(RoutingContext rc) {
        String postcode = Params.query(rc, "postcode", 10).orElse(null);
        String gp = Params.query(rc, "gp", 10).orElse(null);
        if (postcode == null && gp == null) {
            throw ApiError.badRequest("bad-parameter", "Give 'postcode' or 'gp' (a GP practice code).");
        }
        if (postcode != null) {
            district(postcode, "postcode");
        }
        TeamLookup lookup = config.cmhtDirectory().find(CallerLocation.fromInput(postcode, gp));
        if (lookup instanceof TeamLookup.NoTeamCovers none) {
            throw new ApiError(404, "no-team", "No CMHT found: " + none.reason() + ".");
        }
        TeamLookup.Found found = (TeamLookup.Found) lookup;
        DutyLine duty = found.team().dutyLine();
        JsonObject transfer = new JsonObject();
        WarmTransfer now = duty.warmTransferAt(clock.instant());
        if (now instanceof WarmTransfer.Available) {
            transfer.put("available", true);
        } else {
            WarmTransfer.Unavailable unavailable = (WarmTransfer.Unavailable) now;
            transfer.put("available", false).put("why", unavailable.reason());
            unavailable.nextOpens().ifPresent(at -> transfer.put("nextOpening", at.toString()));
        }
        Replies.ok(rc, new JsonObject()
                .put("team", found.team().id().value())
                .put("name", found.team().name())
                .put("matchedBy", found.matchedBy().name())
                .put("dutyLine", duty.number())
                .put("warmTransfer", transfer));
    }

    private static PostcodeDistrict district(String raw, String name) {
        return PostcodeDistrict.parse(raw).orElseThrow(() ->
                ApiError.badRequest("bad-parameter", "'" + name + "' is not a UK postcode or postcode district."));
    }

    private static Set<AccessFeature> access(String raw) {
        Set<AccessFeature> features = EnumSet.noneOf(AccessFeature.class);
        for (String part : raw.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String name = part.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                features.add(AccessFeature.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("bad-parameter", "'access' takes " + List.of(AccessFeature.values()) + ".");
            }
        }
        return features;
    }

    private static JsonObject offer(CafeOffer offer) {
        return new JsonObject()
                .put("id", offer.cafe().id().value())
                .put("name", offer.cafe().name())
                .put("address", offer.cafe().address())
                .put("phone", offer.cafe().phone())
                .put("openNow", offer.openNow())
                .put("opensAt", offer.opensAt().toString())
                .put("closesAt", offer.session().end().toInstant().toString())
                .put("placesLeft", offer.placesLeft());
    }
}
