// Purpose: move a database of the first layout to versions, step 2: tag one batch of unversioned
//   records with their dataset's version token; the caller repeats until none is left.
// Parameters: $batch (integer: records per transaction)
// Result: updated (integer)
CALL () {
  MATCH (n:Actor)
  WHERE n.version IS NULL AND n.dataset IS NOT NULL
  RETURN n LIMIT $batch
  UNION ALL
  MATCH (n:Policy)
  WHERE n.version IS NULL AND n.dataset IS NOT NULL
  RETURN n LIMIT $batch
  UNION ALL
  MATCH (n:Alliance)
  WHERE n.version IS NULL AND n.dataset IS NOT NULL
  RETURN n LIMIT $batch
}
WITH n LIMIT $batch
SET n.version = 'v1:' + n.dataset
RETURN count(*) AS updated
