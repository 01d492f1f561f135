package org.crisisline.telephony.sim;

/**
 * Who a simulated {@code Dial()} rings: a PJSIP endpoint (one channel, {@code PJSIP/op1-0000000a})
 * or a Local extension (a {@code ;1}/{@code ;2} pair, the dialled half being {@code ;1}), the dial
 * string as Asterisk reports it in DialBegin, and how the person there picks up.
 */
record DialTarget(String tech, String endpoint, String context, String dialString, Pickup pickup) {
    static DialTarget pjsip(String endpoint, Pickup pickup) {
        return new DialTarget("PJSIP", endpoint, "crisisline-operatives", endpoint, pickup);
    }

    static DialTarget local(String exten, String context, boolean noOptimise, Pickup pickup) {
        return new DialTarget("Local", exten, context, exten + "@" + context + (noOptimise ? "/n" : ""), pickup);
    }

    boolean isLocal() {
        return tech.equals("Local");
    }

    /** The endpoint's device name, busy while a channel to it is up. */
    String device() {
        return isLocal() ? "Local/" + endpoint + "@" + context : tech + "/" + endpoint;
    }
}
