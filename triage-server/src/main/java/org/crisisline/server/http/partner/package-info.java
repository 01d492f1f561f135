/**
 * Routes partner systems call with their own credentials (a bearer token per referral endpoint), outside the
 * session-and-CSRF security of {@code /api}: a CMHT reporting what became of a referral.
 */
package org.crisisline.server.http.partner;
