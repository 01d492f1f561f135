-- Saves a core image taken after entry n (stream id), if it is newer than the saved one, and trims
-- the log up to it: any node can rebuild from the image plus the entries after it. Either way it
-- releases the snapshot lease, if this node still holds it, so the next image is not held back.
-- KEYS[1] log, KEYS[2] image, KEYS[3] image position, KEYS[4] snapshot lease
-- ARGV[1] image JSON, ARGV[2] n, ARGV[3] stream id of entry n, ARGV[4] its logical time (epoch ms),
-- ARGV[5] this node's lease token
-- Returns 1 if saved, 0 if a newer image was already there.
if redis.call('GET', KEYS[4]) == ARGV[5] then redis.call('DEL', KEYS[4]) end
local saved = tonumber(redis.call('HGET', KEYS[3], 'n') or '-1')
if saved >= tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[3], 'n', ARGV[2], 'id', ARGV[3], 'at', ARGV[4])
redis.call('XTRIM', KEYS[1], 'MINID', ARGV[3])
return 1
