/**
 * The telephony admins' API: one {@link org.crisisline.server.http.admin.ConfigSection} per thing they
 * configure (lines, tiers, the rota that callback slots come from, the CMHT and café directories,
 * operatives and their skills), each kept in a {@link org.crisisline.server.http.admin.ConfigRepository}
 * and served by {@link org.crisisline.server.http.admin.AdminRoutes} as {@code GET}/{@code PUT
 * /api/admin/<section>}. A {@code PUT} replaces a whole section atomically: the document is validated in full
 * first, and nothing is saved unless all of it is valid. Plus the PBX links' health.
 */
package org.crisisline.server.http.admin;
