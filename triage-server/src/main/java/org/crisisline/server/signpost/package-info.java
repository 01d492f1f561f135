/**
 * Café signpost counts per café per evening, shared by every node: the {@link org.crisisline.server.signpost.SignpostBoard}
 * port, kept in memory ({@code signpost.memory}, one node) or in Redis ({@code signpost.redis}, several
 * nodes, atomic capacity checks). The counting rules themselves are the pure
 * {@link org.crisisline.server.pathway.cafe.SignpostTally}.
 */
package org.crisisline.server.signpost;
