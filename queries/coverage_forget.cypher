// Purpose: the reference map changed, so presence and every coverage roll-up may have: unmark every
//   version's roll-up (coverage walks the records until each dataset is loaded again; the stale
//   Coverage nodes go with their version's garbage).
// Parameters: none
// Result: nothing
MATCH (v:Version)
WHERE v.rollup IS NOT NULL
REMOVE v.rollup
