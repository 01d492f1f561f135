/**
 * Crisis café signposting: the finder (open now or soon, area, capacity, language, access), the per-evening
 * signpost tally that keeps cafés from being overburdened, and the text read or sent to the caller. Pure.
 */
package org.crisisline.server.pathway.cafe;
