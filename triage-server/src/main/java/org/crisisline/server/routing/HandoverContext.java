package org.crisisline.server.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crisisline.queue.model.CallerRef;
import org.crisisline.queue.model.Tier;
import org.crisisline.telephony.Dialplan;

/**
 * What goes with a caller when they are escalated or transferred: their tier, the pathway reason, a
 * short line the operative wrote, and their pseudonym (never their number, which Crisisline does not
 * keep). {@link #variables()} gives it as the channel variables the dialplan contract names
 * ({@code telephony-adapter/asterisk/README.md}), made safe to send over AMI and to read in the dialplan.
 */
public record HandoverContext(Tier tier, String reason, Optional<String> contextLine, CallerRef caller) {
    /** The longest text value set on a channel: enough for a handover line, short for a display. */
    static final int MAX_VALUE = 200;

    public HandoverContext {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(contextLine, "contextLine");
        Objects.requireNonNull(caller, "caller");
    }

    /** The channel variables, in the order they are set. */
    public Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(Dialplan.TIER, Integer.toString(tier.number()));
        variables.put(Dialplan.CALLER, safe(caller.pseudonym()));
        variables.put(Dialplan.TRANSFER_REASON, safe(reason));
        variables.put(Dialplan.TRANSFER_CONTEXT_LINE, safe(contextLine.orElse("")));
        return variables;
    }

    /**
     * Free text as a channel variable's value: one line (a line break would end the AMI action),
     * without {@code $ [ ] { } ; , | \ "} (the dialplan would evaluate or split on them), trimmed to
     * {@link #MAX_VALUE}.
     */
    static String safe(String text) {
        String plain = text.replaceAll("[\\p{Cntrl}$\\[\\]{};,|\\\\\"]+", " ").replaceAll(" {2,}", " ").strip();
        return plain.length() <= MAX_VALUE ? plain : plain.substring(0, MAX_VALUE).strip();
    }
}
