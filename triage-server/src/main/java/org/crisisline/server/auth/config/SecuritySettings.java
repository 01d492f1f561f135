package org.crisisline.server.auth.config;

import java.nio.file.Path;
import java.util.Objects;
import org.crisisline.server.auth.Argon2Settings;
import org.crisisline.server.auth.SessionSettings;
import org.crisisline.server.auth.ThrottleSettings;

/**
 * Every security setting, validated: password hashing, sign-in limits, sessions, the API's body limit
 * ({@code auth.http.max-body-bytes}) and the audit file ({@code audit.file}). Built by
 * {@link SecuritySettingsReader}. Immutable.
 */
public record SecuritySettings(Argon2Settings argon2, ThrottleSettings login, SessionSettings session,
        int maxBodyBytes, Path auditFile) {
    public SecuritySettings {
        Objects.requireNonNull(argon2, "argon2");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(auditFile, "audit.file");
    }
}
