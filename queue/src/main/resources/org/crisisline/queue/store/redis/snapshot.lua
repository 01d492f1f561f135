-- Adopts a core image taken after entry n (stream id), already written to its own key, if it is newer
-- than the adopted one; trims the log up to it, so any node can rebuild from the image plus the entries
-- after it, and frees the older image off the main thread (UNLINK). Either way it releases the snapshot
-- lease if this node still holds it, so the next image is not held back.
-- The image itself is written with a plain SET beforehand: a multi-megabyte value passed through Lua
-- would block Redis for as long as the copy takes.
-- KEYS[1] log, KEYS[2] image position, KEYS[3] snapshot lease, KEYS[4] the new image's key
-- ARGV[1] n, ARGV[2] stream id of entry n, ARGV[3] its logical time (epoch ms), ARGV[4] lease token
-- Returns 1 if adopted, 0 if a newer image was already there (the new key is then removed).
if redis.call('GET', KEYS[3]) == ARGV[4] then redis.call('DEL', KEYS[3]) end
local saved = tonumber(redis.call('HGET', KEYS[2], 'n') or '-1')
if saved >= tonumber(ARGV[1]) then
  redis.call('UNLINK', KEYS[4])
  return 0
end
local older = redis.call('HGET', KEYS[2], 'key')
redis.call('HSET', KEYS[2], 'n', ARGV[1], 'id', ARGV[2], 'at', ARGV[3], 'key', KEYS[4])
if older and older ~= KEYS[4] then redis.call('UNLINK', older) end
redis.call('XTRIM', KEYS[1], 'MINID', ARGV[2])
return 1
