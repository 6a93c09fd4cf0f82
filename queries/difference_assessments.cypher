// Purpose: the self-assessment history of a dataset's live alliances with where each entry comes from
//   (app: recorded in the app, kept over a new version of the file), for a re-import applied as a
//   difference; read inside its transaction, after datasets_lock, so no entry recorded meanwhile is missed.
// Parameters: $version (string: the dataset's live version token)
// Result: alliance, lever, on (ISO date string), score, comment, author ("" when none), app (boolean)
MATCH (al:Alliance {version: $version})-[r:ASSESSED]->(l:Lever)
RETURN al.id AS alliance, l.id AS lever, r.on AS on, r.score AS score, r.comment AS comment,
       coalesce(r.author, "") AS author, coalesce(r.app, false) AS app
