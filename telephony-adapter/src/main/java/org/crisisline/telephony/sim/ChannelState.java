package org.crisisline.telephony.sim;

/** A channel's state as AMI reports it ({@code ChannelState} / {@code ChannelStateDesc}, include/asterisk/channelstate.h). */
public enum ChannelState {
    DOWN(0, "Down"),
    RING(4, "Ring"),
    RINGING(5, "Ringing"),
    UP(6, "Up"),
    BUSY(7, "Busy");

    private final int code;
    private final String description;

    ChannelState(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String description() {
        return description;
    }
}
