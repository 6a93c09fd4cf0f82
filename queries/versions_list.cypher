// Purpose: every registered version: whether a dataset points to it (live), whether the garbage
//   collector has doomed it, and how long since its last staged batch (server clock).
// Parameters: none
// Result: version, dataset (strings), live, doomed (booleans), idle_seconds (integer)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
MATCH (v:Version)
RETURN v.token AS version, v.dataset AS dataset, v.token IN live AS live, v.doomed IS NOT NULL AS doomed,
       duration.inSeconds(v.touched, datetime()).seconds AS idle_seconds
