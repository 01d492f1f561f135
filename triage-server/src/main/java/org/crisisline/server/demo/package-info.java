/**
 * What the embedded default runs in place of the outside world, beyond the simulated PBX: a simulated CMHT
 * that receives referrals and answers them, so a newcomer sees a referral go all the way to an outcome.
 */
package org.crisisline.server.demo;
