// Purpose: forget a doomed version once its records are all deleted.
// Parameters: $version (string: the version token)
// Result: nothing
MATCH (v:Version {token: $version})
WHERE v.doomed
DELETE v
