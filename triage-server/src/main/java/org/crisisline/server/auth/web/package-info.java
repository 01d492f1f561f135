/**
 * The Vert.x Web side of security. {@link org.crisisline.server.auth.web.Security} wires the parts from
 * settings; {@link org.crisisline.server.auth.web.AuthRoutes} mounts the body limit, session cookies, CSRF
 * guard, JSON failure handler and the sign-in endpoints; {@link org.crisisline.server.auth.web.Authorize}
 * guards every other route by role.
 */
package org.crisisline.server.auth.web;
