// Shortest path between two methods, through any nodes and relationships (either direction).
// Answers: "How is ViT connected to BERT?" (shared papers, datasets, BASED_ON chains ...)
// Parameters: $from, $to (method names or aliases, case-insensitive).
// :param from => "Vision Transformer"
// :param to => "BERT"
// Neo4j and the embedded backend; FalkorDB 4.16 rejects shortestPath over undirected patterns.
MATCH (a:Method)
WHERE toLower(a.name) = toLower($from) OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) = toLower($from))
MATCH (b:Method)
WHERE toLower(b.name) = toLower($to) OR any(x IN coalesce(b.aliases, []) WHERE toLower(x) = toLower($to))
MATCH path = shortestPath((a)-[*..8]-(b))
RETURN [n IN nodes(path) | coalesce(n.name, n.title, n.key)] AS nodes,
       [r IN relationships(path) | type(r)] AS relationships, length(path) AS hops
