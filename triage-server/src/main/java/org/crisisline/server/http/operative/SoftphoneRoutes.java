package org.crisisline.server.http.operative;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import org.crisisline.server.auth.Role;
import org.crisisline.server.http.Replies;
import org.crisisline.server.http.Requester;
import org.crisisline.server.http.Requesters;
import org.crisisline.server.http.RouteTable;
import org.crisisline.server.softphone.SoftphoneSettings;

/**
 * {@code GET /api/operative/softphone}: where the panel's browser softphone registers, as the SIP user the
 * signed-in account answers calls as ({@code PJSIP/<operative>} in the dialplan). No password: the
 * operative types it into the panel. Event loop only.
 */
public final class SoftphoneRoutes {
    private final Requesters requesters;
    private final SoftphoneSettings settings;

    public SoftphoneRoutes(Requesters requesters, SoftphoneSettings settings) {
        this.requesters = Objects.requireNonNull(requesters, "requesters");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public void mount(RouteTable routes) {
        routes.guarded(HttpMethod.GET, "/api/operative/softphone", RouteTable.roles(Role.OPERATIVE), this::softphone);
    }

    private void softphone(RoutingContext rc) {
        requesters.of(rc)
                .map(Requester::operativeOrFail)
                .map(operative -> settings.forOperative(operative.value()))
                .onSuccess(json -> Replies.ok(rc, json))
                .onFailure(rc::fail);
    }
}
