// Purpose: one live alliance's self-assessment history; exists = false when there is no such alliance.
// Parameters: $alliance (string: alliance id)
// Result: exists (boolean), history (list of maps: alliance, lever, on (ISO date), score, comment,
//   author ("" for an entry of the file, and for entries written before authors were kept))
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
OPTIONAL MATCH (al:Alliance {id: $alliance})
USING INDEX SEEK al:Alliance(id)
WHERE al.version IN live
RETURN al IS NOT NULL AS exists,
       COLLECT { MATCH (al)-[r:ASSESSED]->(l:Lever)
                 RETURN {alliance: al.id, lever: l.id, on: r.on, score: r.score, comment: r.comment,
                         author: coalesce(r.author, "")} } AS history
