/**
 * The operatives' API: their own state, ready and pause ({@link org.crisisline.server.http.operative.OperativeRoutes}),
 * their current call, re-tiering and the call's outcome checked by the pathway rules
 * ({@link org.crisisline.server.http.operative.CallRoutes}), and the café and CMHT look-ups
 * ({@link org.crisisline.server.http.operative.DirectoryRoutes}). Clinical leads take calls too, so these
 * routes admit both roles. Handlers run on the event loop and never block.
 */
package org.crisisline.server.http.operative;
