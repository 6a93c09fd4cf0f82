// Purpose: what the store holds of a dataset before or during a load: its checksum and live version
//   (null when absent), and the generation of the set of live versions (bumped by every switch and
//   removal, see datasets_lock), which tells a load whether its conflict check is still current.
// Parameters: $dataset (string: dataset id)
// Result: checksum (string or null), live (string or null), generation (integer), others (integer:
//   how many other datasets are live; none, and no id can belong to another dataset), rollup (the
//   live version's roll-up mark, ecosystem/store/neo4j/rollup.py; null when it has none)
OPTIONAL MATCH (d:Dataset {id: $dataset})
OPTIONAL MATCH (m:EcosystemMeta {key: 'datasets'})
OPTIONAL MATCH (v:Version {token: d.live})
RETURN d.checksum AS checksum, d.live AS live, coalesce(m.generation, 0) AS generation,
       COUNT { MATCH (o:Dataset) WHERE o.id <> $dataset } AS others, v.rollup AS rollup
