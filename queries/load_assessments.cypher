// Purpose: stage one batch of the dataset's own self-assessments on the alliances of version
//   $version: (Alliance)-[:ASSESSED {on, score, comment, author, app: false}]->(Lever). See
//   load_policies. The author is "" for a file; a restored version keeps the authors it was saved with.
// Parameters: $version (string: the version token), $rows (list of maps: alliance, lever,
//   on (ISO date), score, comment, author)
// Result: usable (boolean, see load_policies; the caller also checks the relationships created)
UNWIND $rows AS row
MATCH (al:Alliance {id: row.alliance})
USING INDEX SEEK al:Alliance(id)
WHERE al.version = $version
MATCH (l:Lever {id: row.lever})
CREATE (al)-[:ASSESSED {on: row.on, score: row.score, comment: row.comment, author: row.author,
                        app: false}]->(l)
WITH count(*) AS staged
MATCH (v:Version {token: $version})
SET v.touched = datetime()
RETURN v.doomed IS NULL AS usable
