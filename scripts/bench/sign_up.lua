-- wrk script: every request is a new person signing up for one of the offerings given
-- after "--" (comma-separated ids), with the CSRF token and cookie given too.
-- Usage: wrk ... -s sign_up.lua URL -- <offering ids> <csrf token> <language> <run label>
-- The run label keeps names and request ids unique across runs (a repeated request id
-- would rightly return the earlier registration).
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  offerings = {}
  for pk in string.gmatch(args[1], "%d+") do table.insert(offerings, pk) end
  csrf = args[2]
  lang = args[3] or "ru"
  run = args[4] or "0"
  count = 0
  -- A Kyrgyz mobile prefix per wrk thread keeps every phone number unique.
  prefixes = {"0555", "0700", "0770", "0550", "0705", "0777", "0559", "0708"}
  prefix = prefixes[(id % #prefixes) + 1]
  math.randomseed(id + 1)
end

function request()
  count = count + 1
  local pk = offerings[math.random(#offerings)]
  local body = "csrfmiddlewaretoken=" .. csrf
    .. "&name=Bench+" .. run .. "+" .. id .. "+" .. count
    .. "&phone=" .. prefix .. string.format("%06d", count)
    .. "&sex=female&disability=no&language=" .. lang
    .. "&consent=on&request_id=bench-" .. run .. "-" .. id .. "-" .. count
  return wrk.format("POST", "/" .. lang .. "/offerings/" .. pk .. "/register/", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=" .. csrf,
  }, body)
end
