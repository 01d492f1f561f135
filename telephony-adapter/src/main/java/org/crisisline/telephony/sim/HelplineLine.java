package org.crisisline.telephony.sim;

import java.util.Objects;

/**
 * One helpline number of the simulated PBX: its line name (the {@code line=} of the AGI URL), the
 * number callers dial (the DID, the Local channel's exten) and how many callers arrive per hour
 * (a Poisson process; 0 means only calls placed by hand).
 *
 * <p>Immutable.
 */
public record HelplineLine(String name, String did, double callsPerHour) {
    public HelplineLine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(did, "did");
        if (!(callsPerHour >= 0)) {
            throw new IllegalArgumentException("line " + name + ": calls-per-hour must be >= 0");
        }
    }
}
