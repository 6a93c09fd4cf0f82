// Purpose: mark a version as garbage, unless a dataset points to it: from then on no batch can stage
//   into it and no switch can make it live. The SET takes the lock before liveness is read, so a
//   concurrent switch either committed before (live: the caller rolls back) or sees it doomed.
// Parameters: $version (string: the version token)
// Result: live (boolean; no row when the version is gone)
MATCH (v:Version {token: $version})
SET v.doomed = true
RETURN EXISTS { MATCH (d:Dataset) WHERE d.live = v.token } AS live
