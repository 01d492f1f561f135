package org.crisisline.server.routing;

import java.util.Locale;
import java.util.Optional;

/**
 * The emergency service an operative asks for when escalating. Every escalation dials the one
 * configured emergency number ({@code CRISISLINE_EMERGENCY_NUMBER}, 999): the service is handed over
 * as {@code CRISISLINE_EMERGENCY_SERVICE} so the dialplan (and the call record) can say which was asked.
 */
public enum EmergencyService {
    AMBULANCE("ambulance"), POLICE("police"), FIRE("fire"), ANY("999");

    private final String word;

    EmergencyService(String word) {
        this.word = word;
    }

    /** The API's and the dialplan's word for it: {@code ambulance}, {@code police}, {@code fire}, {@code 999}. */
    public String word() {
        return word;
    }

    public static Optional<EmergencyService> of(String word) {
        String wanted = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        for (EmergencyService service : values()) {
            if (service.word.equals(wanted)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
