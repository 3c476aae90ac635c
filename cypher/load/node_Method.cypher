// Load Method nodes: MERGE on the unique key, then copy the properties.
// A reload updates properties in place (ON MATCH) instead of creating a second node.
// Parameters: $rows, a list of {key: string, props: map}; props holds scalars and lists of scalars only
//   (nested values such as evidence arrive as JSON strings). Used by kg/neo4j.py (`kg load`).
// :param rows => [{key: "method:example", props: {name: "Example"}}]
UNWIND $rows AS row
MERGE (n:Method {key: row.key})
ON CREATE SET n += row.props
ON MATCH SET n += row.props
