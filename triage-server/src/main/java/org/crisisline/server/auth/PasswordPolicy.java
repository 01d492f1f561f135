package org.crisisline.server.auth;

import java.util.Locale;
import java.util.Set;

/**
 * Which new passwords are acceptable (NCSC / NIST SP 800-63B style: length over composition rules): at
 * least {@value #MIN_LENGTH} characters, at most {@value #MAX_LENGTH}, not the username (in any case, nor
 * containing it), and not in a small built-in list of common passwords. Pure and thread-safe.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    /** Long enough for any passphrase; bounds the cost of hashing an attacker's megabyte "password". */
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "password1234", "password12345", "password123456", "passwordpassword", "123456789012",
            "1234567890123", "qwertyuiopas", "qwerty123456", "iloveyou1234", "letmein12345", "welcome12345",
            "changeme1234", "administrator", "abc123456789", "football1234", "monkey123456", "sunshine1234",
            "trustno1trustno1", "aaaaaaaaaaaa", "111111111111", "000000000000", "correcthorsebatterystaple",
            "crisisline123", "crisisline1234", "nhs123456789", "summer202020", "winter202020", "password2024",
            "password2025", "password2026", "qwertyqwerty", "asdfghjklasd", "zxcvbnmzxcvb");

    public Verdict check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Verdict.refused("A password has at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Verdict.refused("A password has at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Verdict.refused("A password must not contain the username.");
        }
        if (COMMON.contains(lower) || lower.chars().distinct().count() == 1) {
            return Verdict.refused("This password is too common; choose a longer phrase of unrelated words.");
        }
        return Verdict.ALLOWED;
    }
}
