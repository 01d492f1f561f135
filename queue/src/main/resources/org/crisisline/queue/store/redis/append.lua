-- Appends commands to a line group's log, atomically and in the order given (a node sends the
-- commands that queued up while its previous append was in flight, in one call: group commit):
--   * each at most once per command id (a retried append returns the first entry's id);
--   * each with the next sequence number, so a reader can see a gap or a reset;
--   * each with a logical time that never goes backwards (max of the node's clock and the last entry's).
-- KEYS[1] log stream, KEYS[2] sequence, KEYS[3] last time, KEYS[3 + i] command i's dedupe key
-- ARGV[1] dedupe window (s); then per command i, ARGV[2 + 3(i-1)] command JSON, ARGV[3 + 3(i-1)] node
-- clock (epoch ms), ARGV[4 + 3(i-1)] '1' to deduplicate by its key (commands several nodes may send
-- alike, such as ticks), '0' not to
-- Returns the entry ids, in order, or the error NOT_INITIALIZED when the group has no sequence (new,
-- or Redis lost it); then nothing is appended.
if redis.call('EXISTS', KEYS[2]) == 0 then
  return redis.error_reply('NOT_INITIALIZED the line group has no log yet')
end
local window = tonumber(ARGV[1])
local last = tonumber(redis.call('GET', KEYS[3]) or '0')
local ids = {}
for i = 1, #KEYS - 3 do
  local base = 2 + 3 * (i - 1)
  local dedupe = ARGV[base + 2] == '1'
  local seen = dedupe and redis.call('GET', KEYS[3 + i])
  if seen then
    ids[i] = seen
  else
    local at = tonumber(ARGV[base + 1])
    if last > at then at = last end
    last = at
    local n = redis.call('INCR', KEYS[2])
    local id = redis.call('XADD', KEYS[1], '*', 'n', n, 'at', at, 'cmd', ARGV[base])
    if dedupe then redis.call('SET', KEYS[3 + i], id, 'EX', window) end
    ids[i] = id
  end
end
redis.call('SET', KEYS[3], last)
return ids
