/**
 * HL7 FHIR R4 rendering of referrals with HAPI FHIR structures: the one place in the pathway code allowed to
 * use HAPI. An edge: nothing in the domain depends on it.
 */
package org.crisisline.server.pathway.fhir;
