// Echo one parameter back. kg/neo4j.py sends "\t" (backslash, t) to learn whether the server
// keeps string parameters verbatim (Neo4j) or unescapes them (FalkorDB's Bolt endpoint).
// Parameters: $x (any value).
// :param x => "\\t"
RETURN $x AS x
