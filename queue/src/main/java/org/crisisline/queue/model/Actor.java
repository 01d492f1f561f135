package org.crisisline.queue.model;

import java.util.Objects;

/** Who asked for a change: recorded on every override so leads and auditors can see who and why. */
public record Actor(String id, Role role) {
    public enum Role { OPERATIVE, CLINICAL_LEAD, ADMIN, SYSTEM }

    public static final Actor SYSTEM = new Actor("system", Role.SYSTEM);

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }

    public static Actor clinicalLead(String id) {
        return new Actor(id, Role.CLINICAL_LEAD);
    }

    public static Actor operative(String id) {
        return new Actor(id, Role.OPERATIVE);
    }
}
