-- wrk script: POST newsletter sign-ups, each with a new address.
-- BENCH_TOKEN, BENCH_COOKIE, BENCH_TS and BENCH_RUN come from bench/run.py.
local token = os.getenv("BENCH_TOKEN")
local cookie = os.getenv("BENCH_COOKIE")
local form_time = os.getenv("BENCH_TS")
local run = os.getenv("BENCH_RUN")
local threads_made = 0
counter = 0

function setup(thread)
  -- Runs in the main Lua state; each thread gets its own number as a global.
  threads_made = threads_made + 1
  thread:set("tid", threads_made)
end

local function urlencode(value)
  return (value:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  counter = counter + 1
  local email = string.format("bench-%s-%d-%d@example.org", run, tid, counter)
  local body = "csrfmiddlewaretoken=" .. urlencode(token)
    .. "&email=" .. urlencode(email)
    .. "&consent=on&source=%2F&nl_hp=&nl_ts=" .. urlencode(form_time)
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
    ["Referer"] = "http://127.0.0.1/newsletter/",
  }
  return wrk.format("POST", nil, headers, body)
end
