package org.crisisline.server.pathway.cmht;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Whether a warm telephone transfer to a team's duty line is possible now. */
public sealed interface WarmTransfer permits WarmTransfer.Available, WarmTransfer.Unavailable {

    /** Transfer to this number now. */
    record Available(String dutyLineNumber) implements WarmTransfer {
        public Available {
            Objects.requireNonNull(dutyLineNumber, "dutyLineNumber");
        }
    }

    /** No transfer now; {@code nextOpens} says when the line is next staffed, if within two weeks. */
    record Unavailable(String reason, Optional<Instant> nextOpens) implements WarmTransfer {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(nextOpens, "nextOpens");
        }
    }
}
