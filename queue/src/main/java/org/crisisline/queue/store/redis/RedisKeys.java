package org.crisisline.queue.store.redis;

/**
 * The keys of one line group. All carry the group as a hash tag ({@code {group}}), so on a Redis
 * Cluster they live in one slot and the scripts that touch several of them stay atomic.
 */
record RedisKeys(String log, String sequence, String lastTime, String image, String imagePosition,
                 String commandPrefix, String snapshotLease) {

    static RedisKeys of(RedisQueueStoreOptions options) {
        String base = options.keyPrefix() + ":{" + options.lineGroup() + "}:";
        return new RedisKeys(base + "log", base + "seq", base + "time", base + "image", base + "image-at",
                base + "cmd:", base + "snapshot-lease");
    }

    String command(String commandId) {
        return commandPrefix + commandId;
    }
}
