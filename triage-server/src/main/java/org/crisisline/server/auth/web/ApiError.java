package org.crisisline.server.auth.web;

import java.util.Objects;

/**
 * An expected HTTP refusal: the status, a stable machine-readable {@code code} and a message a person can
 * read. Handlers pass it to {@code RoutingContext.fail}; {@link ApiFailureHandler} turns it into
 * {@code { "error": code, "message": text }}. Carries no stack trace: it is a value, not a bug.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an API error has a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    public static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    public static ApiError notSignedIn() {
        return new ApiError(401, "not-signed-in", "Sign in to continue.");
    }

    public static ApiError forbidden() {
        return new ApiError(403, "forbidden", "Your role does not allow this.");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
