/**
 * Reads the pathway settings (every default in {@code pathway-defaults.properties}) into the validated records
 * the domain is given. The only pathway code that reads a file (its own classpath resource).
 */
package org.crisisline.server.pathway.config;
