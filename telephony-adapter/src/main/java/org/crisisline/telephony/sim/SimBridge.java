package org.crisisline.telephony.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A basic two-party bridge ({@code BridgeType: basic}, {@code BridgeTechnology: simple_bridge}).
 * Mutable; owned by {@link PbxModel} on the model's thread.
 */
final class SimBridge {
    private final String uniqueid;
    private final List<SimChannel> members = new ArrayList<>();

    SimBridge(String uniqueid) {
        this.uniqueid = uniqueid;
    }

    String uniqueid() {
        return uniqueid;
    }

    List<SimChannel> members() {
        return members;
    }
}
