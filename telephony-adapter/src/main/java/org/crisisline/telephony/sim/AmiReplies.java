package org.crisisline.telephony.sim;

import org.crisisline.telephony.wire.AmiMessage;

/**
 * Builds AMI responses as Asterisk 22 writes them (ami-login.txt): {@code Response}, then
 * {@code ActionID} only if the action had one, then the rest.
 *
 * <p>Stateless and thread-safe.
 */
final class AmiReplies {
    private AmiReplies() {
    }

    static AmiMessage.Builder response(String response, String actionId) {
        AmiMessage.Builder b = AmiMessage.response(response);
        if (actionId != null) {
            b.add("ActionID", actionId);
        }
        return b;
    }

    static AmiMessage success(String actionId, String message) {
        return response("Success", actionId).add("Message", message).build();
    }

    static AmiMessage error(String actionId, String message) {
        return response("Error", actionId).add("Message", message).build();
    }
}
