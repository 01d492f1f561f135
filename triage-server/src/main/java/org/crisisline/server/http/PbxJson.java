package org.crisisline.server.http;

import io.vertx.core.json.JsonObject;
import org.crisisline.telephony.ami.LinkHealth;

/** A PBX link's health as JSON, for {@code /ready} and the admin's PBX view. Stateless. */
public final class PbxJson {
    private PbxJson() {
    }

    public static JsonObject of(LinkHealth link) {
        return new JsonObject()
                .put("pbx", link.pbx())
                .put("state", link.state().name())
                .put("detail", link.detail())
                .put("since", link.since().toString())
                .put("liveChannels", link.liveChannels())
                .put("translatedEvents", link.translatedEvents())
                .put("ignoredEvents", link.ignoredEvents());
    }
}
