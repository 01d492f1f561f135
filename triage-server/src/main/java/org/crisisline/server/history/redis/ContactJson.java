package org.crisisline.server.history.redis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crisisline.queue.model.CallId;
import org.crisisline.queue.model.Line;
import org.crisisline.queue.model.Tier;
import org.crisisline.server.history.Contact;

/**
 * A {@link Contact} as JSON and back, for a store that keeps it as a document: every field, the instant as
 * ISO-8601, enums by name, the note only when there is one. {@code decode(encode(contact))} equals
 * {@code contact}. Stateless and thread-safe.
 */
public final class ContactJson {
    private ContactJson() {
    }

    public static String encode(Contact contact) {
        JsonObject json = new JsonObject()
                .put("call", contact.call().value())
                .put("at", contact.at().toString())
                .put("line", contact.line().name())
                .put("tier", contact.tier().name())
                .put("pathways", new JsonArray(contact.pathways()))
                .put("referredTo", new JsonArray(contact.referredTo()))
                .put("consented", contact.consented());
        contact.note().ifPresent(note -> json.put("note", note));
        return json.encode();
    }

    public static Contact decode(String text) {
        JsonObject json = new JsonObject(text);
        return new Contact(CallId.of(json.getString("call")), Instant.parse(json.getString("at")),
                Line.valueOf(json.getString("line")), Tier.valueOf(json.getString("tier")),
                strings(json.getJsonArray("pathways")), strings(json.getJsonArray("referredTo")),
                json.getBoolean("consented"), Optional.ofNullable(json.getString("note")));
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(String.class::cast).toList();
    }
}
