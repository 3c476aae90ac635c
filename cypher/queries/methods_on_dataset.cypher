// Methods evaluated on a dataset, with how many papers state it.
// Answers: "Which methods have been tried on GLUE, and how often?"
// Parameters: $dataset (name or alias, case-insensitive).
// :param dataset => "ImageNet"
MATCH (m:Method)-[e:EVALUATED_ON]->(d:Dataset)
WHERE toLower(d.name) = toLower($dataset)
   OR any(a IN coalesce(d.aliases, []) WHERE toLower(a) = toLower($dataset))
RETURN m.name AS method, e.support AS papers, e.confidence AS confidence
ORDER BY papers DESC, method
