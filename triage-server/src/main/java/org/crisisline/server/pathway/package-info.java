/**
 * The pathways domain (DOMAIN.md, "Pathways"): where a crisis-line call ends up. Pure Java: no
 * Vert.x, no I/O, time from an injected {@link java.time.Clock} or an explicit instant; expected
 * outcomes are {@link org.crisisline.server.pathway.Result} values, exceptions only for bugs and
 * bad configuration. Only {@code pathway.fhir} may use HAPI FHIR (an ArchUnit test keeps it so).
 */
package org.crisisline.server.pathway;
