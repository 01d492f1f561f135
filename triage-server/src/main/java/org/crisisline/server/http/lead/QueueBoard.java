package org.crisisline.server.http.lead;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.http.CallJson;
import org.crisisline.server.http.QueueAccess;
import org.crisisline.server.metrics.LoadBands;
import org.crisisline.server.metrics.QueueReadings;
import org.crisisline.server.pathway.referral.ReferralWatch;
import org.crisisline.server.signpost.SignpostBoard;
import org.crisisline.telephony.ami.LinkHealth;

/**
 * The leads' live board as JSON, from one queue snapshot: per tier the callers waiting, longest and
 * estimated wait and the target; the waiting callers (pseudonyms only); callbacks and check-ins due;
 * operatives with state, load band and interruptions, and counts by state and band; referrals awaiting
 * acknowledgement; café signposts per café this evening; and the {@link Alarms}. Thread-safe; the future
 * completes on the caller's context.
 */
public final class QueueBoard {
    private final QueueAccess queue;
    private final QueueConfig config;
    private final LoadBands bands;
    private final Function<Instant, ReferralWatch.Report> referrals;
    private final Supplier<Map<String, LinkHealth>> pbx;
    private final SignpostBoard signposts;

    public QueueBoard(QueueAccess queue, QueueConfig config, LoadBands bands,
            Function<Instant, ReferralWatch.Report> referrals, Supplier<Map<String, LinkHealth>> pbx,
            SignpostBoard signposts) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.config = Objects.requireNonNull(config, "config");
        this.bands = Objects.requireNonNull(bands, "bands");
        this.referrals = Objects.requireNonNull(referrals, "referrals");
        this.pbx = Objects.requireNonNull(pbx, "pbx");
        this.signposts = Objects.requireNonNull(signposts, "signposts");
    }

    public Future<JsonObject> board() {
        return queue.snapshot().compose(snapshot -> signposts.countsOn(snapshot.at())
                .map(cafeSignposts -> render(snapshot, cafeSignposts)));
    }

    private JsonObject render(QueueSnapshot snapshot, Map<String, Integer> cafeSignposts) {
        QueueReadings readings = QueueReadings.of(snapshot, bands);
        ReferralWatch.Report report = referrals.apply(snapshot.at());
        JsonArray tiers = new JsonArray();
        for (Tier tier : Tier.values()) {
            tiers.add(new JsonObject()
                    .put("tier", tier.number())
                    .put("waiting", readings.waiting().get(tier))
                    .put("longestWaitSeconds", CallJson.seconds(readings.longestWait().get(tier)))
                    .put("estimatedWaitSeconds", CallJson.seconds(readings.estimatedWait().get(tier)))
                    .put("targetSeconds", config.rule(tier).answerTarget().toSeconds()));
        }
        JsonArray waiting = new JsonArray();
        snapshot.waiting().forEach(call -> waiting.add(CallJson.call(call, snapshot.at())));
        JsonArray booked = new JsonArray();
        Stream.concat(snapshot.waiting().stream(), snapshot.otherOpen().stream())
                .filter(Call::isPendingCallback)
                .sorted(Comparator.comparing(Call::joinedAt).thenComparing(Call::id))
                .forEach(call -> booked.add(CallJson.call(call, snapshot.at())));
        JsonArray operatives = new JsonArray();
        snapshot.operatives().forEach(load -> operatives.add(CallJson.operative(load, bands)));
        JsonObject byState = new JsonObject();
        readings.operativesByState().forEach((state, n) -> byState.put(state.name(), n));
        return new JsonObject()
                .put("at", snapshot.at().toString())
                .put("tiers", tiers)
                .put("waiting", waiting)
                .put("callbacks", new JsonObject().put("due", readings.callbacksDue())
                        .put("overdue", readings.callbacksOverdue()))
                .put("bookedCallbacks", booked)
                .put("checkInsDue", readings.checkInsDue())
                .put("operatives", operatives)
                .put("operativesByState", byState)
                .put("operativesByLoadBand", new JsonObject(Map.copyOf(readings.operativesByLoadBand())))
                .put("referralsAwaitingAcknowledgement", report.awaitingAcknowledgement().size())
                .put("cafeSignpostsToday", new JsonObject(Map.copyOf(cafeSignposts)))
                .put("alarms", Alarms.of(snapshot, readings, config, bands, Optional.of(report), pbx.get(),
                        queue.health()));
    }
}
