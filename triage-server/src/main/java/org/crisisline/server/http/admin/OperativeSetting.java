package org.crisisline.server.http.admin;

import java.util.Objects;
import org.crisisline.queue.model.OperativeId;
import org.crisisline.queue.model.Skills;

/** An operative as an admin configures them: who, shown as what, with which skills. Immutable. */
public record OperativeSetting(OperativeId id, String displayName, Skills skills) {
    public OperativeSetting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(skills, "skills");
    }
}
