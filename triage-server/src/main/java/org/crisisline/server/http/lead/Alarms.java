package org.crisisline.server.http.lead;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.crisisline.queue.config.QueueConfig;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.Tier;
import org.crisisline.queue.store.StoreHealth;
import org.crisisline.server.http.CallJson;
import org.crisisline.server.metrics.LoadBands;
import org.crisisline.server.metrics.QueueReadings;
import org.crisisline.server.pathway.referral.ReferralWatch;
import org.crisisline.telephony.ami.LinkHealth;
import org.crisisline.telephony.event.LinkState;

/**
 * What is unsafe now, for the leads' board (DOMAIN.md, "Clinical leads ... are alerted when something is
 * unsafe"): a caller waiting past their tier's answer target ({@code critical} for tier 1), callbacks
 * overdue, an operative in the high load band, referrals overdue or stuck in delivery, a PBX link down, the
 * queue store degraded. Each alarm is {@code {"kind", "severity", "message", ...}}; no caller is named but by
 * call id. A pure function of its inputs; stateless.
 */
public final class Alarms {
    private Alarms() {
    }

    public static JsonArray of(QueueSnapshot snapshot, QueueReadings readings, QueueConfig config, LoadBands bands,
            Optional<ReferralWatch.Report> referrals, Map<String, LinkHealth> pbx, StoreHealth store) {
        JsonArray alarms = new JsonArray();
        for (Call call : snapshot.waiting()) {
            Duration target = config.rule(call.tier()).answerTarget();
            if (call.kind().isAgentFirst() || call.waitedAt(snapshot.at()).compareTo(target) <= 0) {
                continue;
            }
            alarms.add(alarm("waiting-past-target", call.tier() == Tier.IMMEDIATE_RISK ? "critical" : "warning",
                    "A tier-" + call.tier().number() + " caller has waited "
                            + CallJson.seconds(call.waitedAt(snapshot.at())) + " s (target "
                            + target.toSeconds() + " s).").put("call", call.id().value()));
        }
        if (readings.callbacksOverdue() > 0) {
            alarms.add(alarm("callbacks-overdue", "warning",
                    readings.callbacksOverdue() + " callback(s) are past their on-time deadline."));
        }
        for (QueueSnapshot.OperativeLoad load : snapshot.operatives()) {
            if (bands.bandOf(load.load()).equals("high")) {
                String id = load.operative().id().value();
                alarms.add(alarm("operative-overloaded", "warning",
                        id + " has a high emotional load; consider a break.").put("operative", id));
            }
        }
        referrals.ifPresent(report -> {
            if (!report.overdue().isEmpty()) {
                alarms.add(alarm("referrals-overdue", "warning",
                        report.overdue().size() + " referral(s) are past their respond-by deadline."));
            }
            if (!report.deliveryFlagged().isEmpty()) {
                alarms.add(alarm("referrals-undelivered", "warning",
                        report.deliveryFlagged().size() + " referral(s) keep failing to deliver."));
            }
        });
        pbx.forEach((name, link) -> {
            if (link.state() == LinkState.DOWN) {
                alarms.add(alarm("pbx-down", "critical", "PBX " + name + " is unreachable: " + link.detail()));
            }
        });
        if (!store.healthy()) {
            alarms.add(alarm("queue-store-degraded", "critical", "The queue store is degraded: " + store.detail()));
        }
        return alarms;
    }

    private static JsonObject alarm(String kind, String severity, String message) {
        return new JsonObject().put("kind", kind).put("severity", severity).put("message", message);
    }
}
