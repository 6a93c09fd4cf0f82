// Purpose: the loaded datasets with their metadata and live record counts (assessments include
//   those recorded in the app).
// Parameters: none
// Result: id, name, source, description, loaded_at, checksum, actors, policies, alliances,
//   memberships, assessments (integers)
MATCH (d:Dataset)
RETURN d.id AS id, d.name AS name, d.source AS source, d.description AS description,
       d.loaded_at AS loaded_at, d.checksum AS checksum,
       COUNT { MATCH (n:Actor) WHERE n.dataset = d.id } AS actors,
       COUNT { MATCH (n:Policy) WHERE n.dataset = d.id } AS policies,
       COUNT { MATCH (n:Alliance) WHERE n.dataset = d.id } AS alliances,
       COUNT { MATCH (:Actor)-[:MEMBER_OF]->(n:Alliance) WHERE n.dataset = d.id } AS memberships,
       COUNT { MATCH (n:Alliance)-[:ASSESSED]->(:Lever) WHERE n.dataset = d.id } AS assessments
