/**
 * The web pages (sign-in, the operative's softphone panel, the clinical lead's dashboard, the admin view),
 * served as static files from {@code webroot/} with strict security headers. The pages call the JSON API of
 * {@link org.crisisline.server.http}; nothing here holds state.
 */
package org.crisisline.server.web;
