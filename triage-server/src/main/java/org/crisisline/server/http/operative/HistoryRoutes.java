package org.crisisline.server.http.operative;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.CallId;
import org.crisisline.server.audit.Outcome;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.history.Contact;
import org.crisisline.server.history.ContactHistoryStore;
import org.crisisline.server.http.AuditTrail;
import org.crisisline.server.http.Params;
import org.crisisline.server.http.QueueAccess;
import org.crisisline.server.http.Replies;
import org.crisisline.server.http.Requester;
import org.crisisline.server.http.Requesters;
import org.crisisline.server.http.RouteTable;

/**
 * {@code GET /api/calls/{id}/history}: the previous contacts of the caller on an open call (DOMAIN.md,
 * "Information sharing"), newest first, at most {@value #SHOWN}: when, line, tier, pathways, referrals, and a
 * note only where the caller consented. Scoped by role: the operative on the call or a clinical lead; another
 * operative is refused (403 {@code not-your-call}), admins never get past the guard. Every view and every
 * refused view is audited ({@code call.history.view}, naming the call and the caller's pseudonym) before the
 * answer; a view that could not be audited is not shown. Event loop only.
 */
public final class HistoryRoutes {
    static final int SHOWN = 20;

    private final OpenCalls calls;
    private final Requesters requesters;
    private final AuditTrail audit;
    private final ContactHistoryStore history;

    public HistoryRoutes(QueueAccess queue, Requesters requesters, AuditTrail audit, ContactHistoryStore history) {
        this.calls = new OpenCalls(queue);
        this.requesters = Objects.requireNonNull(requesters, "requesters");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.history = Objects.requireNonNull(history, "history");
    }

    public void mount(RouteTable routes) {
        routes.guarded(HttpMethod.GET, "/api/calls/:id/history", OperativeRoutes.TAKES_CALLS, this::history);
    }

    private void history(RoutingContext rc) {
        CallId id = Params.callId(rc);
        requesters.of(rc)
                .compose(who -> calls.callFor(who, id)
                        .recover(refused -> auditRefusal(who, id, refused))
                        .compose(call -> previousContacts(call)
                                .compose(contacts -> audit.record(who, "call.history.view", "call", id.value(),
                                                Optional.of("caller " + call.caller() + ": " + contacts.size()
                                                        + " previous contacts"), Outcome.SUCCEEDED)
                                        .map(contacts))))
                .onSuccess(contacts -> Replies.ok(rc, new JsonObject().put("call", id.value())
                        .put("contacts", new JsonArray(contacts.stream().map(HistoryRoutes::json).toList()))))
                .onFailure(rc::fail);
    }

    private Future<Call> auditRefusal(Requester who, CallId id, Throwable refused) {
        if (refused instanceof ApiError error && error.status() == 403) {
            return audit.record(who, "call.history.view", "call", id.value(), Optional.of(error.getMessage()),
                    Outcome.DENIED).compose(v -> Future.failedFuture(refused));
        }
        return Future.failedFuture(refused);
    }

    private Future<List<Contact>> previousContacts(Call call) {
        return Future.fromCompletionStage(history.contactsOf(call.caller()))
                .map(contacts -> contacts.stream().filter(contact -> !contact.call().equals(call.id()))
                        .limit(SHOWN).toList());
    }

    private static JsonObject json(Contact contact) {
        JsonObject json = new JsonObject()
                .put("at", contact.at().toString())
                .put("line", contact.line().name())
                .put("tier", contact.tier().number())
                .put("pathways", new JsonArray(contact.pathways()))
                .put("referredTo", new JsonArray(contact.referredTo()))
                .put("consented", contact.consented());
        contact.note().ifPresent(note -> json.put("note", note));
        return json;
    }
}
