package org.crisisline.queue.policy;

import java.util.Objects;
import org.crisisline.queue.model.Call;
import org.crisisline.queue.model.Operative;

/**
 * A dispatch decision: this operative takes this call.
 *
 * @param interpreter         the operative does not speak the caller's language
 * @param interruptsRecovery  the operative is in recovery and a tier-1 caller is about to miss the target
 * @param alertLead           tier 1 went to a non-clinician: the clinical lead is to join
 * @param exceedsTierOneCap   nobody else could take a tier-1 caller about to miss the target
 */
public record Assignment(Call call, Operative operative, boolean interpreter, boolean interruptsRecovery,
                         boolean alertLead, boolean exceedsTierOneCap) {
    public Assignment {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(operative, "operative");
    }
}
