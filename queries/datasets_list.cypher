// Purpose: the loaded datasets with their metadata and the record counts of their live versions
//   (assessments include those recorded in the app).
// Parameters: none
// Result: id, name, source, description, loaded_at, checksum, actors, policies, alliances,
//   memberships, assessments (integers)
MATCH (d:Dataset)
RETURN d.id AS id, d.name AS name, d.source AS source, d.description AS description,
       d.loaded_at AS loaded_at, d.checksum AS checksum,
       COUNT { MATCH (n:Actor {version: d.live}) } AS actors,
       COUNT { MATCH (n:Policy {version: d.live}) } AS policies,
       COUNT { MATCH (n:Alliance {version: d.live}) } AS alliances,
       COUNT { MATCH (:Actor)-[:MEMBER_OF]->(n:Alliance {version: d.live}) } AS memberships,
       COUNT { MATCH (n:Alliance {version: d.live})-[:ASSESSED]->(:Lever) } AS assessments
