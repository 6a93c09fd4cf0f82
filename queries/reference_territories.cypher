// Purpose: create or update one batch of territories.
// Parameters: $rows (list of maps: id, level, code, name, population, parents)
// Result: nothing
UNWIND $rows AS row
MERGE (t:Territory {id: row.id})
SET t.level = row.level, t.code = row.code, t.name = row.name, t.population = row.population,
    t.parents = row.parents
