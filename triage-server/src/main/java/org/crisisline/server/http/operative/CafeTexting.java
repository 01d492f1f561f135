package org.crisisline.server.http.operative;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.queue.model.Call;
import org.crisisline.server.audit.Outcome;
import org.crisisline.server.http.AuditTrail;
import org.crisisline.server.http.Requester;
import org.crisisline.server.pathway.cafe.Cafe;
import org.crisisline.server.signpost.SignpostBoard;
import org.crisisline.server.text.SignpostTexts;

/**
 * Texts the details of the cafés a caller was signposted to, after the outcome is recorded. Each text is
 * audited ({@code call.signpost-text}, naming the café and the recipient's pseudonym, never the number) as
 * sent or failed; a failed text does not undo the outcome: the answer says so and carries the details, for
 * the operative to read out instead. Event loop only.
 */
final class CafeTexting {
    private final SignpostTexts texts;
    private final SignpostBoard signposts;
    private final AuditTrail audit;

    CafeTexting(SignpostTexts texts, SignpostBoard signposts, AuditTrail audit) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.signposts = Objects.requireNonNull(signposts, "signposts");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** One JSON item per request ({@code cafe}, {@code sent}, {@code details}, {@code error} when not sent), in order. */
    Future<JsonArray> send(Context context, Requester who, Call call, List<Cafe> cafes,
            List<CafeTextRequests.Request> requests, Instant at) {
        List<Future<JsonObject>> sending = new ArrayList<>();
        for (CafeTextRequests.Request request : requests) {
            Cafe cafe = cafes.stream().filter(c -> c.id().equals(request.cafe())).findFirst().orElseThrow();
            sending.add(sendOne(context, who, call, cafe, request, at));
        }
        return Future.join(sending).map(all -> new JsonArray(sending.stream().map(Future::result).toList()));
    }

    private Future<JsonObject> sendOne(Context context, Requester who, Call call, Cafe cafe,
            CafeTextRequests.Request request, Instant at) {
        return signposts.tallyFor(List.of(cafe), at).compose(tally ->
                text(context, who, call, cafe, request, SignpostTexts.details(cafe, at, tally).orElseThrow()));
    }

    private Future<JsonObject> text(Context context, Requester who, Call call, Cafe cafe,
            CafeTextRequests.Request request, String details) {
        String about = "cafe:" + cafe.id() + " to " + request.to().pseudonym();
        JsonObject item = new JsonObject().put("cafe", cafe.id().value()).put("details", details);
        return Future.fromCompletionStage(texts.send(request.to(), cafe, details), context).transform(done -> {
            if (done.failed()) {
                item.put("error", String.valueOf(done.cause().getMessage()));
            }
            return audit.record(who, "call.signpost-text", "call", call.id().value(),
                            Optional.of(done.succeeded() ? about : about + ": " + item.getString("error")),
                            done.succeeded() ? Outcome.SUCCEEDED : Outcome.FAILED)
                    .map(v -> item.put("sent", done.succeeded()));
        });
    }
}
