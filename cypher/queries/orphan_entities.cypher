// Orphan entities: methods, datasets, metrics and tasks that no paper links to (cleanup candidates
// after a partial load or a filtered export).
// Answers: "Which entity nodes are dangling?"
// Parameters: none.
MATCH (e)
WHERE e:Method OR e:Dataset OR e:Metric OR e:Task
OPTIONAL MATCH (p:Paper)-->(e)
WITH e, count(p) AS papers
WHERE papers = 0
RETURN labels(e)[0] AS label, e.name AS name, e.key AS key
ORDER BY label, key
