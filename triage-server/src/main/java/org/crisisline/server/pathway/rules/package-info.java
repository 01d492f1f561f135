/**
 * The pathway policy: whether the set of pathways chosen for a call is allowed (no dead ends, café never alone
 * for tier 1 or clinical risk, consent for referrals). Pure.
 */
package org.crisisline.server.pathway.rules;
