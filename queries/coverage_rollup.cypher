// Purpose: coverage counts read from the roll-up written by the loads (rollup.py): for each level-L
//   territory x of project($territory, L) and each SDG, the active actors, alliances and policies
//   present in x, summed over the live datasets. Only when coverage_ready says every live version
//   has its roll-up.
// Parameters: $territory (territory id), $level (string: a Level value)
// Result: territory, sdg, actors, alliances, policies (integers)
CALL () { MATCH (d:Dataset) RETURN collect(d.live) AS live }
MATCH (:Territory {id: $territory})-[:WITHIN*0..1]-(x:Territory)
WHERE x.level = $level
WITH DISTINCT live, x.id AS territory
MATCH (c:Coverage {territory: territory})
USING INDEX SEEK c:Coverage(territory)
WHERE c.version IN live
UNWIND range(0, size(c.sdgs) - 1) AS i
WITH territory, c.sdgs[i] AS sdg, c.actors[i] AS actors, c.alliances[i] AS alliances,
     c.policies[i] AS policies
RETURN territory, sdg, sum(actors) AS actors, sum(alliances) AS alliances, sum(policies) AS policies
