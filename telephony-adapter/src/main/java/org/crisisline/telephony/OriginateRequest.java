package org.crisisline.telephony;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Originate: ring {@code channel} (a dial string such as {@code PJSIP/op1}); when it answers, run
 * {@code context,exten,1}. Always sent with {@code Async: true}. {@code callerId} is what the first
 * leg sees; {@code variables} are set on the new channel.
 */
public record OriginateRequest(String channel, String context, String exten, Map<String, String> variables,
                               Optional<String> callerId) {
    public OriginateRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(exten, "exten");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(callerId, "callerId");
    }

    /**
     * An agent-first callback or check-in, as the dialplan contract has it: ring the operative's
     * endpoint, then {@code crisisline-callback} dials {@code numberToCall} showing the helpline's number.
     */
    public static OriginateRequest agentFirstCallback(String operativeEndpoint, String numberToCall,
                                                      String helplineNumber, String callId, String callbackId) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(Dialplan.CALL_ID, callId);
        variables.put(Dialplan.CALLBACK_ID, callbackId);
        variables.put(Dialplan.HELPLINE_NUMBER, helplineNumber);
        return new OriginateRequest(operativeEndpoint, Dialplan.CALLBACK_CONTEXT, numberToCall, variables,
                Optional.of(helplineNumber));
    }

    @Override
    public String toString() {
        // exten is the number being called back: never print it whole.
        return "OriginateRequest[channel=" + channel + ", context=" + context + ", exten=**"
                + exten.substring(Math.max(0, exten.length() - 2)) + ", variables=" + variables.keySet() + "]";
    }
}
