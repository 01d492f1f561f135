package org.crisisline.queue.model;

/** Where a call came from; recorded for every call (DOMAIN.md, "Lines"). */
public enum CallSource {
    SELF,
    NHS_111,
    GP,
    POLICE,
    AMBULANCE,
    CALLBACK,
    CHECK_IN,
    OTHER
}
