/**
 * Direct CMHT referrals: consent, urgency and respond-by deadlines, the idempotent lifecycle from drafted to
 * accepted or rejected, the rejection policy (fallback plan and owner; clinical factors never exclude by
 * themselves) and the leads' view of what to chase and what is overdue. Pure; time from an injected clock.
 */
package org.crisisline.server.pathway.referral;
