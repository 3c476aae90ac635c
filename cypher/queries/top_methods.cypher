// Most studied methods: number of papers proposing or using each method.
// Answers: "What are the workhorse methods in this corpus?"
// Parameters: $limit (rows).
// :param limit => 20
MATCH (p:Paper)-[:PROPOSES|USES]->(m:Method)
RETURN m.name AS method, count(DISTINCT p) AS papers
ORDER BY papers DESC, method
LIMIT $limit
