// Load (:Paper)-[:REPORTS]->(:Result) relationships between nodes already loaded.
// evidence (JSON string: up to 3 {paper, sentence, start, end, field}), confidence (max over papers),
// support (number of papers) and papers (their ids) are relationship properties; a reload
// overwrites them (ON MATCH) instead of adding a second relationship.
// Parameters: $rows, a list of {s: head key, t: tail key, confidence: float, support: int,
//   papers: [string], evidence: string, props: map}. Used by kg/neo4j.py (`kg load`).
// :param rows => [{s: "paper:a", t: "result:b", confidence: 0.9, support: 1, papers: ["2401.00001"], evidence: "[]", props: {}}]
UNWIND $rows AS row
MATCH (a:Paper {key: row.s})
MATCH (b:Result {key: row.t})
MERGE (a)-[r:REPORTS]->(b)
ON CREATE SET r += row.props, r.confidence = row.confidence, r.support = row.support,
              r.papers = row.papers, r.evidence = row.evidence
ON MATCH SET r += row.props, r.confidence = row.confidence, r.support = row.support,
             r.papers = row.papers, r.evidence = row.evidence
