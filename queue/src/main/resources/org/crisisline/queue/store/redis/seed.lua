-- Starts a line group's log from a core image, if it has none: for a new group (an empty image at
-- sequence 0), or after Redis lost its data (the image of a node that had applied the lost entries).
-- KEYS[1] log, KEYS[2] sequence, KEYS[3] last time, KEYS[4] image, KEYS[5] image position
-- ARGV[1] image JSON ('' for none), ARGV[2] sequence of the image, ARGV[3] its logical time (epoch ms)
-- Returns 1 if this call seeded the group, 0 if it already had a log.
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
-- Entries left without their sequence (a key evicted alone) would carry numbers the new log reuses.
redis.call('DEL', KEYS[1])
redis.call('SET', KEYS[2], ARGV[2])
redis.call('SET', KEYS[3], ARGV[3])
if ARGV[1] ~= '' then
  redis.call('SET', KEYS[4], ARGV[1])
  redis.call('HSET', KEYS[5], 'n', ARGV[2], 'id', '0-0', 'at', ARGV[3], 'key', KEYS[4])
end
return 1
