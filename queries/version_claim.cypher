// Purpose: first step of a switch: lock the staged version (so the garbage collector cannot doom it
//   meanwhile) and tell whether it is still usable. The SET takes the lock before doomed is read.
// Parameters: $version (string: the version token)
// Result: usable (boolean; no row when the version is gone)
MATCH (v:Version {token: $version})
SET v.claimed_at = datetime()
RETURN v.doomed IS NULL AS usable
