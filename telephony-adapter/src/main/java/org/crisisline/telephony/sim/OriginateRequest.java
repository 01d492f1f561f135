package org.crisisline.telephony.sim;

import java.util.Map;

/**
 * An AMI {@code Originate} as the simulated PBX understands it: the dial string of the first leg
 * ({@code PJSIP/op1} or {@code Local/op1@operatives/n}), where the answered leg goes
 * (context/exten/priority), caller ID, ring timeout, {@code Variable:} headers and the ActionID the
 * OriginateResponse event echoes.
 */
record OriginateRequest(String channel, String context, String exten, int priority, String callerIdNum,
                        String callerIdName, long timeoutMillis, Map<String, String> variables, String actionId) {
    OriginateRequest {
        variables = Map.copyOf(variables);
    }
}
