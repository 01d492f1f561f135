package org.crisisline.server.http.operative;

import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.http.JsonInput;
import org.crisisline.server.pathway.cafe.Cafe;
import org.crisisline.server.pathway.cafe.CafeId;
import org.crisisline.server.pathway.cmht.CmhtDirectory;
import org.crisisline.server.pathway.cmht.TeamId;
import org.crisisline.server.pathway.referral.Consent;
import org.crisisline.server.pathway.referral.Urgency;
import org.crisisline.server.pathway.rules.PathwayChoice;

/**
 * Reads the {@code pathways} of a call's outcome into {@link PathwayChoice}s, each an object with a
 * {@code type}: {@code cmht-referral {team, consent, urgency (emergency|urgent|routine), riskSummary}},
 * {@code cafe-signpost {cafe, textTo?}} ({@code textTo} is read by {@code CafeTextRequests}),
 * {@code emergency-escalation {service}}, {@code advice-and-close {advice, nextStep}},
 * {@code callback {slotStart, callbackNumber}}, {@code check-in {firstCall, everyDays, calls, consent,
 * callbackNumber}} (what they book is read by {@code FollowUpRequests}). Teams and cafés must exist in the
 * directories (422 {@code unknown-team}/{@code unknown-cafe}); shapes are checked strictly (400). Whether the
 * set is allowed is for {@code PathwayPolicy}. Stateless.
 */
public final class PathwayChoices {
    static final int MAX_PATHWAYS = 10;
    static final int MAX_RISK_SUMMARY = 1_500;
    /** The fields of a {@code callback} pathway; the number is read by {@code FollowUpRequests}. */
    static final String[] CALLBACK_FIELDS = {"type", "slotStart", "callbackNumber"};
    /** The fields of a {@code check-in} pathway; all but the first call and interval are read by {@code FollowUpRequests}. */
    static final String[] CHECK_IN_FIELDS = {"type", "firstCall", "everyDays", "calls", "consent", "callbackNumber"};

    private PathwayChoices() {
    }

    public static List<PathwayChoice> read(JsonArray pathways, CmhtDirectory teams, List<Cafe> cafes, Instant now) {
        List<PathwayChoice> choices = new ArrayList<>();
        for (int i = 0; i < pathways.size(); i++) {
            choices.add(one(pathways.getValue(i), "pathways[" + i + "]", teams, cafes, now));
        }
        return choices;
    }

    private static PathwayChoice one(Object value, String where, CmhtDirectory teams, List<Cafe> cafes, Instant now) {
        String type = JsonInput.nested(value, where, "type", "team", "consent", "urgency", "riskSummary", "cafe",
                "textTo", "service", "advice", "nextStep", "slotStart", "firstCall", "everyDays", "calls",
                "callbackNumber").string("type", 32);
        return switch (type) {
            case "cmht-referral" -> {
                JsonInput in = JsonInput.nested(value, where, "type", "team", "consent", "urgency", "riskSummary");
                TeamId team = TeamId.of(in.string("team", 64));
                Consent consent = in.bool("consent") ? Consent.given(now) : Consent.refused(now);
                Urgency urgency = urgency(in);
                String risk = in.string("riskSummary", MAX_RISK_SUMMARY);
                if (teams.team(team).isEmpty()) {
                    throw new ApiError(422, "unknown-team", "There is no CMHT '" + team + "' in the directory.");
                }
                yield new PathwayChoice.CmhtReferral(team, consent, urgency, risk);
            }
            case "cafe-signpost" -> {
                CafeId cafe = CafeId.of(JsonInput.nested(value, where, "type", "cafe", "textTo").string("cafe", 64));
                if (cafes.stream().noneMatch(c -> c.id().equals(cafe))) {
                    throw new ApiError(422, "unknown-cafe", "There is no café '" + cafe + "' in the directory.");
                }
                yield new PathwayChoice.CafeSignpost(cafe);
            }
            case "emergency-escalation" -> new PathwayChoice.EmergencyEscalation(
                    JsonInput.nested(value, where, "type", "service").string("service", 200));
            case "advice-and-close" -> {
                JsonInput in = JsonInput.nested(value, where, "type", "advice", "nextStep");
                yield new PathwayChoice.AdviceAndClose(in.string("advice", 1000), in.string("nextStep", 500));
            }
            case "callback" -> new PathwayChoice.CallbackBooking(
                    instant(JsonInput.nested(value, where, CALLBACK_FIELDS), "slotStart"));
            case "check-in" -> {
                JsonInput in = JsonInput.nested(value, where, CHECK_IN_FIELDS);
                yield new PathwayChoice.CheckInBooking(instant(in, "firstCall"),
                        Duration.ofDays(in.integer("everyDays", 1, 90)));
            }
            default -> throw ApiError.badRequest("bad-pathway", "'" + where + ".type' is one of cmht-referral, "
                    + "cafe-signpost, emergency-escalation, advice-and-close, callback, check-in.");
        };
    }

    private static Urgency urgency(JsonInput in) {
        String raw = in.string("urgency", 16);
        return Arrays.stream(Urgency.values()).filter(u -> u.key().equals(raw)).findFirst()
                .orElseThrow(() -> ApiError.badRequest("bad-urgency", "'" + in.name("urgency")
                        + "' is one of emergency, urgent, routine."));
    }

    static Instant instant(JsonInput in, String field) {
        String raw = in.string(field, 40);
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("wrong-type", "'" + in.name(field) + "' is an ISO-8601 instant.");
        }
    }

    /** A short, number-free description for the audit log, e.g. {@code cafe-signpost:leeds-haven}. */
    public static String describe(List<PathwayChoice> choices) {
        return String.join(", ", descriptions(choices));
    }

    /** Each choice described as for the audit log, in order. */
    public static List<String> descriptions(List<PathwayChoice> choices) {
        return choices.stream().map(PathwayChoices::describe).toList();
    }

    /** How a signpost to {@code cafe} is described, e.g. {@code cafe-signpost:leeds-haven}. */
    static String signpostTo(CafeId cafe) {
        return "cafe-signpost:" + cafe;
    }

    private static String describe(PathwayChoice choice) {
        if (choice instanceof PathwayChoice.CmhtReferral referral) {
            return "cmht-referral:" + referral.team();
        }
        if (choice instanceof PathwayChoice.CafeSignpost signpost) {
            return signpostTo(signpost.cafe());
        }
        if (choice instanceof PathwayChoice.EmergencyEscalation) {
            return "emergency-escalation";
        }
        if (choice instanceof PathwayChoice.AdviceAndClose) {
            return "advice-and-close";
        }
        if (choice instanceof PathwayChoice.CallbackBooking) {
            return "callback";
        }
        return "check-in";
    }
}
