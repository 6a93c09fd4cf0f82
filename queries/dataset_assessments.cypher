// Purpose: the self-assessment history of a dataset's live alliances (from the file and from the app).
// Parameters: $dataset (string: dataset id)
// Result: alliance, lever, on (ISO date string), score, comment, author ("" when none)
MATCH (d:Dataset {id: $dataset})
MATCH (al:Alliance {version: d.live})-[r:ASSESSED]->(l:Lever)
RETURN al.id AS alliance, l.id AS lever, r.on AS on, r.score AS score, r.comment AS comment,
       coalesce(r.author, "") AS author
