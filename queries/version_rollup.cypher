// Purpose: mark a staged version as carrying its whole coverage roll-up (written after its last
//   Coverage batch, before the switch): coverage reads the roll-up only when every live version
//   has this mark (coverage_ready).
// Parameters: $version (string: the version token), $rollup (integer: the roll-up's shape, rollup.ROLLUP)
// Result: nothing
MATCH (v:Version {token: $version})
WHERE v.doomed IS NULL
SET v.rollup = $rollup, v.touched = datetime()
