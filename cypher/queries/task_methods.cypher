// Methods applied to a task, with the datasets they were evaluated on.
// Answers: "Which methods tackle semantic segmentation, and on what data?"
// Parameters: $task (name or alias, case-insensitive).
// :param task => "neural machine translation"
MATCH (m:Method)-[a:APPLIED_TO]->(t:Task)
WHERE toLower(t.name) = toLower($task)
   OR any(x IN coalesce(t.aliases, []) WHERE toLower(x) = toLower($task))
OPTIONAL MATCH (m)-[:EVALUATED_ON]->(d:Dataset)
RETURN m.name AS method, a.support AS papers, collect(DISTINCT d.name) AS datasets
ORDER BY papers DESC, method
