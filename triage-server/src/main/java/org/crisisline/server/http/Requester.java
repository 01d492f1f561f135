package org.crisisline.server.http;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.queue.model.Actor;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.server.auth.Role;
import org.crisisline.server.auth.Session;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.auth.web.SessionCookies;

/**
 * Who is asking: the signed-in session and the queue operative their account answers calls as, if any.
 * Gives the names the audit log and the queue's override records use. Immutable.
 */
public record Requester(Session session, Optional<OperativeId> operative) {
    public Requester {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(operative, "operative");
    }

    /** The session of a request that passed an {@code Authorize} guard. */
    public static Session session(RoutingContext rc) {
        return SessionCookies.current(rc).orElseThrow(ApiError::notSignedIn);
    }

    public String username() {
        return session.username();
    }

    public List<String> roleNames() {
        return session.roles().stream().map(Enum::name).sorted().toList();
    }

    public boolean isLead() {
        return session.roles().contains(Role.CLINICAL_LEAD);
    }

    /** The operative this person answers calls as; 403 {@code not-an-operative} when their account takes no calls. */
    public OperativeId operativeOrFail() {
        return operative.orElseThrow(() -> new ApiError(403, "not-an-operative",
                "Your account does not answer calls."));
    }

    /** How the queue records this person on an override. */
    public Actor actor() {
        if (isLead()) {
            return Actor.clinicalLead(username());
        }
        if (session.roles().contains(Role.OPERATIVE)) {
            return Actor.operative(username());
        }
        return new Actor(username(), Actor.Role.ADMIN);
    }
}
