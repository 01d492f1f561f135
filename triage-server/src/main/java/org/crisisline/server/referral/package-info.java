/**
 * CMHT referrals at the edge: the {@link org.crisisline.server.referral.ReferralStore} port that keeps them and
 * their outbox (with the in-memory default), the {@link org.crisisline.server.referral.ReferralDesk} the routes
 * and verticles change them through, the journal that audits each change, and the delivery verticle that
 * sends them to the teams over HTTP and chases them. The pure rules live in {@code pathway.referral}.
 */
package org.crisisline.server.referral;
