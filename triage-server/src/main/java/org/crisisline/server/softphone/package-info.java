/**
 * The operative's browser softphone: the settings its SIP-over-WebSocket user agent (JsSIP, in
 * {@code webroot/softphone.js}) registers with at the PBX, read once from the server's {@code softphone}
 * configuration section. The SIP password is never here: the operative types it in the panel.
 */
package org.crisisline.server.softphone;
