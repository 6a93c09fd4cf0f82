// Purpose: delete a dataset's actors, policies and alliances with all their relationships (its
//   Dataset node is handled by dataset_write / dataset_delete).
// Parameters: $dataset (string: dataset id)
// Result: nothing
CALL () {
  MATCH (n:Actor {dataset: $dataset})
  DETACH DELETE n
}
CALL () {
  MATCH (n:Policy {dataset: $dataset})
  DETACH DELETE n
}
CALL () {
  MATCH (n:Alliance {dataset: $dataset})
  DETACH DELETE n
}
