// Full-text search over paper titles/abstracts and entity names/aliases (index kg_text, schema.cypher).
// Answers: "What mentions 'diffusion'?" Lucene syntax on Neo4j (e.g. "low-rank AND adapter").
// Parameters: $q (search text), $limit (rows).
// :param q => "segmentation"
// :param limit => 20
// Neo4j and the embedded backend (which matches words, not Lucene syntax); FalkorDB names its
// procedure db.idx.fulltext.queryNodes and has no multi-label index.
CALL db.index.fulltext.queryNodes('kg_text', $q) YIELD node, score
RETURN labels(node)[0] AS label, coalesce(node.title, node.name) AS name, node.key AS key, score
ORDER BY score DESC, key
LIMIT $limit
