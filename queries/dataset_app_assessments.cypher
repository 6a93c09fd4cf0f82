// Purpose: the self-assessments recorded in the app (not from the dataset file) for a dataset's
//   alliances: kept across a reload of the dataset.
// Parameters: $dataset (string: dataset id)
// Result: alliance, lever, on (ISO date string), score, comment
MATCH (al:Alliance {dataset: $dataset})-[r:ASSESSED]->(l:Lever)
WHERE r.app
RETURN al.id AS alliance, l.id AS lever, r.on AS on, r.score AS score, r.comment AS comment
