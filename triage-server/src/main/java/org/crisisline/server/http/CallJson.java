package org.crisisline.server.http;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.crisisline.queue.core.QueueSnapshot;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.Operative;
import org.crisisline.server.metrics.LoadBands;

/**
 * Calls and operatives as the API shows them. A caller appears only as their pseudonym (the queue never
 * holds a number); waits are whole seconds at the snapshot's instant. Stateless.
 */
public final class CallJson {
    private CallJson() {
    }

    public static JsonObject call(Call call, Instant now) {
        JsonObject json = new JsonObject()
                .put("id", call.id().value())
                .put("caller", call.caller().pseudonym())
                .put("tier", call.tier().number())
                .put("line", call.line().name())
                .put("source", call.source().name())
                .put("kind", call.kind().name())
                .put("state", call.state().name())
                .put("language", call.language().code())
                .put("flaggedHighRisk", call.flaggedHighRisk())
                .put("interpreter", call.interpreter())
                .put("joinedAt", call.joinedAt().toString())
                .put("waitedSeconds", seconds(call.waitedAt(now)));
        call.operative().ifPresent(op -> json.put("operative", op.value()));
        call.dueBy().ifPresent(due -> json.put("dueBy", due.toString()));
        return json;
    }

    public static JsonObject operative(QueueSnapshot.OperativeLoad load, LoadBands bands) {
        Operative operative = load.operative();
        JsonObject json = new JsonObject()
                .put("id", operative.id().value())
                .put("state", operative.state().name())
                .put("stateSince", operative.stateSince().toString())
                .put("load", Math.round(load.load()))
                .put("loadBand", bands.bandOf(load.load()))
                .put("recoveryInterruptions", operative.recoveryInterruptions())
                .put("consecutiveTierOne", operative.consecutiveTierOne())
                .put("clinical", operative.isClinical());
        operative.currentCall().ifPresent(call -> json.put("currentCall", call.value()));
        operative.afterCall().ifPresent(next -> json.put("afterCall", next.name()));
        return json;
    }

    public static long seconds(Duration duration) {
        return Math.max(0, duration.toSeconds());
    }
}
