/**
 * The CMHT directory: which Community Mental Health Team covers a caller (postcode district, then GP
 * practice), where its referrals go, and whether its duty line can take a warm transfer now. Pure.
 */
package org.crisisline.server.pathway.cmht;
