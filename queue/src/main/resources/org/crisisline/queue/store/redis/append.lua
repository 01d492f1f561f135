-- Appends one command to a line group's log, atomically:
--   * at most once per command id (a retried append returns the first entry's id);
--   * with the next sequence number, so a reader can see a gap or a reset;
--   * with a logical time that never goes backwards (max of the node's clock and the last entry's).
-- KEYS[1] log stream, KEYS[2] sequence, KEYS[3] last time, KEYS[4] this command's dedupe key
-- ARGV[1] command JSON, ARGV[2] node clock (epoch ms), ARGV[3] dedupe window (s), ARGV[4] '1' to
-- deduplicate by KEYS[4] (commands several nodes may send alike, such as ticks), '0' not to
-- Returns the entry id, or the error NOT_INITIALIZED when the group has no sequence (new, or Redis lost it).
local dedupe = ARGV[4] == '1'
if dedupe then
  local seen = redis.call('GET', KEYS[4])
  if seen then return seen end
end
if redis.call('EXISTS', KEYS[2]) == 0 then
  return redis.error_reply('NOT_INITIALIZED the line group has no log yet')
end
local at = tonumber(ARGV[2])
local last = tonumber(redis.call('GET', KEYS[3]) or '0')
if last > at then at = last end
local n = redis.call('INCR', KEYS[2])
local id = redis.call('XADD', KEYS[1], '*', 'n', n, 'at', at, 'cmd', ARGV[1])
redis.call('SET', KEYS[3], at)
if dedupe then redis.call('SET', KEYS[4], id, 'EX', tonumber(ARGV[3])) end
return id
