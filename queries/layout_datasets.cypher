// Purpose: move a database of the first layout to versions, step 1: each dataset gets a live version
//   token ('v1:' + its id) and its Version node. Its records stay invisible until step 2 tags them.
// Parameters: none
// Result: nothing
MATCH (d:Dataset)
WHERE d.live IS NULL
SET d.live = 'v1:' + d.id
MERGE (v:Version {token: d.live})
ON CREATE SET v.dataset = d.id, v.started_at = datetime(), v.touched = datetime()
