// Purpose: a re-import applied as a difference: self-assessment entries removed or changed lose their
//   ASSESSED, entries added or changed get theirs (app = true for the entries recorded in the app
//   that the new version keeps, as switch_assessments does for a whole version).
// Parameters: $version (string: the live version token), $gone (list of maps: alliance, lever, on),
//   $rows (list of maps: alliance, lever, on (ISO date), score, comment, author, app)
// Result: nothing (the caller checks the relationships created)
CALL () {
  UNWIND $gone AS g
  MATCH (al:Alliance {id: g.alliance})
  USING INDEX SEEK al:Alliance(id)
  WHERE al.version = $version
  MATCH (al)-[r:ASSESSED {on: g.on}]->(:Lever {id: g.lever})
  DELETE r
}
UNWIND $rows AS row
MATCH (al:Alliance {id: row.alliance})
USING INDEX SEEK al:Alliance(id)
WHERE al.version = $version
MATCH (l:Lever {id: row.lever})
CREATE (al)-[:ASSESSED {on: row.on, score: row.score, comment: row.comment, author: row.author,
                        app: row.app}]->(l)
