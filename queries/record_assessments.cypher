// Purpose: record self-assessments made in the app: each replaces an earlier one with the same
//   (alliance, lever, date), and is marked app = true so that it survives a reload of the dataset.
// Parameters: $rows (list of maps: alliance, lever, on (ISO date), score, comment), one per key
// Result: nothing
UNWIND $rows AS row
MATCH (al:Alliance {id: row.alliance})
MATCH (l:Lever {id: row.lever})
OPTIONAL MATCH (al)-[old:ASSESSED {on: row.on}]->(l)
DELETE old
CREATE (al)-[:ASSESSED {on: row.on, score: row.score, comment: row.comment, app: true}]->(l)
