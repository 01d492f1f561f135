package org.crisisline.server.http.operative;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crisisline.server.auth.web.ApiError;
import org.crisisline.server.pathway.cafe.CafeId;
import org.crisisline.server.text.SignpostTexts;
import org.crisisline.server.text.TextRecipient;

/**
 * Reads the optional {@code textTo} of each {@code cafe-signpost} in an outcome's {@code pathways} (already
 * checked in shape by {@link PathwayChoices}): the number the caller asked the café's details to be sent to,
 * UK or E.164, at most 40 characters. A value that is not a phone number is 400 {@code bad-number}, before anything is recorded; the
 * message never repeats the value. Stateless.
 */
final class CafeTextRequests {
    /** Room for any number as people write it, spaces and brackets included. */
    private static final int MAX_LENGTH = 40;

    /** One café's details to be texted to a recipient. */
    record Request(CafeId cafe, TextRecipient to) {
    }

    private CafeTextRequests() {
    }

    static List<Request> read(JsonArray pathways, SignpostTexts texts) {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < pathways.size(); i++) {
            JsonObject pathway = pathways.getJsonObject(i);
            if (!"cafe-signpost".equals(pathway.getString("type")) || pathway.getValue("textTo") == null) {
                continue;
            }
            String where = "pathways[" + i + "].textTo";
            TextRecipient to = recipient(pathway.getValue("textTo"), texts).orElseThrow(() -> ApiError.badRequest(
                    "bad-number", "'" + where + "' is a UK or international phone number, e.g. 07700 900123 or "
                            + "+447700900123."));
            requests.add(new Request(CafeId.of(pathway.getString("cafe")), to));
        }
        return requests;
    }

    private static Optional<TextRecipient> recipient(Object raw, SignpostTexts texts) {
        return raw instanceof String number && number.length() <= MAX_LENGTH ? texts.recipient(number)
                : Optional.empty();
    }
}
