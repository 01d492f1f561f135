/**
 * Local accounts and sign-in: roles, Argon2id password hashing and policy, the sign-in rate limit and
 * server-side sessions with idle and absolute expiry. Pure rules take an injected {@link java.time.Clock};
 * the Vert.x handlers that mount them on HTTP are in {@code auth.web}.
 */
package org.crisisline.server.auth;
