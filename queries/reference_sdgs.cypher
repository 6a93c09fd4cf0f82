// Purpose: create or update the 17 SDGs.
// Parameters: $rows (list of maps: number, name_fr, name_en, dimension)
// Result: nothing
UNWIND $rows AS row
MERGE (s:SDG {number: row.number})
SET s.name_fr = row.name_fr, s.name_en = row.name_en, s.dimension = row.dimension
