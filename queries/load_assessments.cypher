// Purpose: create one batch of self-assessments (Alliance)-[:ASSESSED {on, score, comment, app}]->(Lever);
//   app = true for those recorded in the app rather than read from the dataset.
// Parameters: $rows (list of maps: alliance, lever, on (ISO date), score, comment, app)
// Result: nothing
UNWIND $rows AS row
MATCH (al:Alliance {id: row.alliance})
MATCH (l:Lever {id: row.lever})
CREATE (al)-[:ASSESSED {on: row.on, score: row.score, comment: row.comment, app: row.app}]->(l)
