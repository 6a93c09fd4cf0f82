// Purpose: during a switch, carry the self-assessments recorded in the app on the old live version's
//   alliances over to the same alliances of the new version, unless the new version has its own
//   assessment of that lever on that date.
// Parameters: $old (string or null: the old live version), $version (string: the new version)
// Result: nothing (relationships created = assessments kept)
MATCH (old:Alliance {version: $old})-[r:ASSESSED]->(l:Lever)
WHERE r.app
MATCH (new:Alliance {id: old.id})
USING INDEX SEEK new:Alliance(id)
WHERE new.version = $version
  AND NOT EXISTS { MATCH (new)-[own:ASSESSED]->(l) WHERE own.on = r.on }
CREATE (new)-[:ASSESSED {on: r.on, score: r.score, comment: r.comment, author: r.author,
                         app: true}]->(l)
