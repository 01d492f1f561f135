/** Reads the security settings over {@code security-defaults.properties} into validated records. */
package org.crisisline.server.auth.config;
