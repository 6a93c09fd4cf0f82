// Purpose: record self-assessments made in the app on live alliances: each replaces an earlier one
//   with the same (alliance, lever, date), and is marked app = true so that it survives a new
//   version of the dataset (switch_assessments carries it over).
// Parameters: $rows (list of maps: alliance, lever, on (ISO date), score, comment, author), one per key
// Result: nothing
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
UNWIND $rows AS row
MATCH (al:Alliance {id: row.alliance})
USING INDEX SEEK al:Alliance(id)
WHERE al.version IN live
MATCH (l:Lever {id: row.lever})
OPTIONAL MATCH (al)-[old:ASSESSED {on: row.on}]->(l)
DELETE old
CREATE (al)-[:ASSESSED {on: row.on, score: row.score, comment: row.comment, author: row.author,
                        app: true}]->(l)
