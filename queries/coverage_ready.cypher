// Purpose: whether every live version carries its coverage roll-up of the current shape (else
//   coverage walks the records: coverage_single, coverage_multi).
// Parameters: $rollup (integer: the roll-up's shape, rollup.ROLLUP)
// Result: ready (boolean)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
RETURN NOT EXISTS {
  MATCH (v:Version)
  WHERE v.token IN live AND (v.rollup IS NULL OR v.rollup <> $rollup)
} AS ready
