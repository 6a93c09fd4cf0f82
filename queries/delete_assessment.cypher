// Purpose: delete one live alliance's self-assessment entry (lever, date), whether it came from the
//   dataset's file or from the app, and say what it was. A file entry deleted here comes back only
//   with a new version of the file, like every other record of the file.
// Parameters: $alliance (string: alliance id), $lever (string: lever id), $on (string: ISO date)
// Result: exists (boolean: the alliance is live), gone (list of maps: lever, on, score, comment,
//   author; empty when there was no such entry)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
OPTIONAL MATCH (al:Alliance {id: $alliance})
USING INDEX SEEK al:Alliance(id)
WHERE al.version IN live
CALL (al) {
  OPTIONAL MATCH (al)-[r:ASSESSED {on: $on}]->(l:Lever {id: $lever})
  WITH r, l, {lever: l.id, on: r.on, score: r.score, comment: r.comment, author: coalesce(r.author, "")} AS entry
  DELETE r
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE entry END) AS gone
}
RETURN al IS NOT NULL AS exists, gone
