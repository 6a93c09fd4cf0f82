// Purpose: create or update the 21 levers of the charter.
// Parameters: $rows (list of maps: id, family, number, name, description)
// Result: nothing
UNWIND $rows AS row
MERGE (l:Lever {id: row.id})
SET l.family = row.family, l.number = row.number, l.name = row.name, l.description = row.description
