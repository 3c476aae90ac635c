// Papers proposing methods based on X: the BASED_ON chain (up to 3 steps) back to a method.
// Answers: "Which new methods build on the Transformer, and in which papers?"
// Parameters: $method (name of X, case-insensitive).
// :param method => "Vision Transformer"
MATCH (m:Method)-[:BASED_ON*1..3]->(x:Method)
WHERE toLower(x.name) = toLower($method)
MATCH (p:Paper)-[:PROPOSES]->(m)
RETURN DISTINCT m.name AS method, p.id AS paper, p.title AS title, p.date AS date
ORDER BY date DESC, method, paper
