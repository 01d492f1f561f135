package org.crisisline.telephony.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.NamedAgiScript;
import org.asteriskjava.fastagi.command.VerboseCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a FastAGI request for a script this server does not have: a warning here, a VERBOSE line on
 * the Asterisk console, and a return with no {@code TRIAGE_ROUTE}, so the dialplan falls back to
 * Asterisk's own queue (asterisk/README.md). Never throws. Thread-safe.
 */
final class UnknownScript implements NamedAgiScript {
    private static final Logger log = LoggerFactory.getLogger(UnknownScript.class);

    @Override
    public String getName() {
        return "crisisline unknown script";
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        AgiEnvironment env = AgiEnvironment.of(request.getRequest());
        String script = env.script().length() <= 40 ? env.script() : env.script().substring(0, 40) + "...";
        log.warn("FastAGI: no script '{}' (uniqueid {}); the dialplan's fallback applies", script, env.uniqueId());
        try {
            channel.sendCommand(new VerboseCommand("Crisisline has no AGI script '" + script + "'", 1));
        } catch (AgiException | RuntimeException e) {
            log.debug("FastAGI: could not say so on the channel: {}", e.toString());
        }
    }
}
