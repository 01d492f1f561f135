/**
 * Weekly opening hours in a time zone (Europe/London), with overnight spans and dated closures, turned into
 * concrete sessions; shared by CMHT office hours and café opening times. Pure.
 */
package org.crisisline.server.pathway.hours;
