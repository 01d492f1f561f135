/**
 * The clinical leads' API: the live queue board with alarms ({@link org.crisisline.server.http.lead.QueueBoard},
 * {@link org.crisisline.server.http.lead.Alarms}), pushed every second over Server-Sent Events
 * ({@link org.crisisline.server.http.lead.QueueStream}), overrides with a reason (take a call, send an
 * operative on a break) and the referral watch ({@link org.crisisline.server.http.lead.LeadRoutes}). Every
 * override and every view is audited. Handlers run on the event loop and never block.
 */
package org.crisisline.server.http.lead;
