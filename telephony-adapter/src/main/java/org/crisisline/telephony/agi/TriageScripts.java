package org.crisisline.telephony.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;

/** Maps {@code agi://host/triage?...} to the IVR and every other script name to {@link UnknownScript}. */
final class TriageScripts implements MappingStrategy {
    static final String TRIAGE = "triage";

    private final AgiScript triage;
    private final AgiScript unknown = new UnknownScript();

    TriageScripts(AgiScript triage) {
        this.triage = triage;
    }

    @Override
    public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
        return TRIAGE.equals(AgiEnvironment.of(request.getRequest()).script()) ? triage : unknown;
    }
}
